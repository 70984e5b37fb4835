package io.orderflow.stock;

import io.orderflow.testing.Databases;
import io.orderflow.testing.StockServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Product names on a real MariaDB server whose default character set is latin1. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = StockServiceApp.class)
@AutoConfigureMockMvc
class ProductNamesOnMariaDbTest extends ProductNamesSpec {

    @DynamicPropertySource
    static void databaseAndIssuer(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "stock");
        issuer(registry);
    }
}

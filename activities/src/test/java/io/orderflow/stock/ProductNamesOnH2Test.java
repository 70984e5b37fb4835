package io.orderflow.stock;

import io.orderflow.testing.Databases;
import io.orderflow.testing.StockServiceApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Product names on H2 in MySQL mode, the embedded platform's database, after the same migrations. */
@SpringBootTest(classes = StockServiceApp.class)
@AutoConfigureMockMvc
class ProductNamesOnH2Test extends ProductNamesSpec {

    @DynamicPropertySource
    static void databaseAndIssuer(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "stock_names");
        issuer(registry);
    }
}

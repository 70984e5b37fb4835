package io.orderflow.payment;

import io.orderflow.testing.Databases;
import io.orderflow.testing.PaymentServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Customer ids on a real MariaDB server whose default character set is latin1. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = PaymentServiceApp.class)
class CustomerIdsOnMariaDbTest extends CustomerIdsSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "payment");
    }
}

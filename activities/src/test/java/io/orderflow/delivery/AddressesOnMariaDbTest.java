package io.orderflow.delivery;

import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Addresses on a real MariaDB server whose default character set is latin1. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = DeliveryServiceApp.class)
class AddressesOnMariaDbTest extends AddressesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "delivery");
    }
}

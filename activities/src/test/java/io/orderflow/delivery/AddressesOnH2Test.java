package io.orderflow.delivery;

import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Addresses on H2 in MySQL mode, the embedded platform's database, after the same migrations. */
@SpringBootTest(classes = DeliveryServiceApp.class)
class AddressesOnH2Test extends AddressesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "delivery_addresses");
    }
}

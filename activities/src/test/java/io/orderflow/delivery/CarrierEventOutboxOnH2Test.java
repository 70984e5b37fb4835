package io.orderflow.delivery;

import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The simulated carrier's outbox queries on H2 in MySQL mode, the embedded platform's database. */
@SpringBootTest(classes = DeliveryServiceApp.class)
class CarrierEventOutboxOnH2Test extends CarrierEventOutboxSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // A database of its own: no other test's events are due in it.
        Databases.h2(registry, "delivery-outbox");
    }
}

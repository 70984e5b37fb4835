package io.orderflow.delivery;

import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The delivery migrations and queries on H2 in MySQL mode, the embedded platform's database. */
@SpringBootTest(classes = DeliveryServiceApp.class, properties = DeliveryActivitiesSpec.SERVICEABLE)
class DeliveryActivitiesOnH2Test extends DeliveryActivitiesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "delivery");
    }
}

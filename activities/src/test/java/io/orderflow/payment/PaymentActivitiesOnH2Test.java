package io.orderflow.payment;

import io.orderflow.testing.Databases;
import io.orderflow.testing.PaymentServiceApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The payment migrations and queries on H2 in MySQL mode, the embedded platform's database. */
@SpringBootTest(classes = PaymentServiceApp.class, properties = "orderflow.payment.simulator.slow-token-delay=300ms")
class PaymentActivitiesOnH2Test extends PaymentActivitiesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "payment");
    }
}

package io.orderflow.payment;

import io.orderflow.testing.Databases;
import io.orderflow.testing.PaymentServiceApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A charge cancelled mid-wait, on H2 in MySQL mode, the embedded platform's database. */
@SpringBootTest(classes = PaymentServiceApp.class, properties = "orderflow.payment.simulator.slow-token-delay=5s")
class ChargeCancellationOnH2Test extends ChargeCancellationSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "payment");
    }
}

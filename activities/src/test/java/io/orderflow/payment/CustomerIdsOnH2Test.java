package io.orderflow.payment;

import io.orderflow.testing.Databases;
import io.orderflow.testing.PaymentServiceApp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Customer ids on H2 in MySQL mode, the embedded platform's database, after the same migrations. */
@SpringBootTest(classes = PaymentServiceApp.class)
class CustomerIdsOnH2Test extends CustomerIdsSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "payment_customers");
    }
}

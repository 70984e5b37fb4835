package io.orderflow.payment;

import io.orderflow.testing.Databases;
import io.orderflow.testing.PaymentServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A charge cancelled mid-wait, on a real MariaDB server. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = PaymentServiceApp.class, properties = "orderflow.payment.simulator.slow-token-delay=5s")
class ChargeCancellationOnMariaDbTest extends ChargeCancellationSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "payment");
    }
}

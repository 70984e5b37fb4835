package io.orderflow.delivery;

import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.orderflow.testing.mariadb.MariaDbServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The simulated carrier's outbox queries and locks on a real MariaDB server. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = DeliveryServiceApp.class)
class CarrierEventOutboxOnMariaDbTest extends CarrierEventOutboxSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // A database of its own: no other test's events are due in it, and no other sender runs on it.
        Databases.mariaDb(registry, MariaDbServer.shared().createDatabase("delivery_outbox"));
    }
}

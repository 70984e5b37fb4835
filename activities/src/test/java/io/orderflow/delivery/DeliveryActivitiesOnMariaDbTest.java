package io.orderflow.delivery;

import static io.orderflow.testing.Concurrently.runTogether;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The delivery activities on a real MariaDB server. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = DeliveryServiceApp.class, properties = DeliveryActivitiesSpec.SERVICEABLE)
class DeliveryActivitiesOnMariaDbTest extends DeliveryActivitiesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "delivery");
    }

    @Test
    void theSameOrderScheduledConcurrentlyGetsOneShipment() throws Exception {
        ShipmentRequest request = request("GB");

        List<Callable<Shipment>> duplicates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            duplicates.add(() -> delivery.schedule(request));
        }
        List<Shipment> shipments = runTogether(duplicates);

        assertThat(shipments).allSatisfy(shipment -> assertThat(shipment).isEqualTo(shipments.get(0)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE order_id = ?", Integer.class,
                request.orderId())).isEqualTo(1);
    }
}

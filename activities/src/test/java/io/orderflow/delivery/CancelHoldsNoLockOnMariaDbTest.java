package io.orderflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import io.orderflow.testing.Gate;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.orderflow.testing.mariadb.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A cancel must not hold the order's row lock, nor any pooled connection, while the carrier takes
 * its time: the carrier here is the simulated one behind a {@link Gate} the test opens, so the
 * cancel is provably in flight while a second transaction works on the same row.
 */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = {DeliveryServiceApp.class, CancelHoldsNoLockOnMariaDbTest.GatedCarrier.class},
        properties = DeliveryActivitiesSpec.SERVICEABLE)
class CancelHoldsNoLockOnMariaDbTest {

    /** Far below MariaDB's default of 50 s: a lock held by the cancel makes the probe fail fast. */
    private static final int LOCK_WAIT_SECONDS = 1;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "delivery");
    }

    /**
     * Deliberately not a {@code @Configuration}: the service's component scan covers this package,
     * test classes included, and would slip the gate into every other delivery test context.
     * Listed in {@code @SpringBootTest(classes)}, it serves this test alone.
     */
    static class GatedCarrier {

        @Bean
        Gate cancelGate() {
            return new Gate();
        }

        /** The simulated carrier, except that a cancel first waits at the gate. */
        @Bean
        @Primary
        Carrier gatedCarrier(SimulatedCarrier simulated, Gate cancelGate) {
            return new Carrier() {
                @Override
                public String book(String key, ShippingAddress address, List<OrderLine> lines) {
                    return simulated.book(key, address, lines);
                }

                @Override
                public void cancel(String key) {
                    cancelGate.pass();
                    simulated.cancel(key);
                }
            };
        }
    }

    @Autowired
    @Qualifier("deliveryActivities")
    DeliveryActivities delivery;

    @Autowired
    Gate cancelGate;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondTransactionLocksAndUpdatesTheShipmentRowWhileASlowCancelIsInFlight() throws Exception {
        ShipmentRequest request = new ShipmentRequest("order-" + UUID.randomUUID(),
                new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", "GB"),
                List.of(new OrderLine("MUG-RED", 1)));
        delivery.schedule(request);

        CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> delivery.cancel(request.orderId()));
        try {
            cancelGate.awaitArrival(); // the cancel reached the carrier

            assertThat(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
                    .as("pooled connections held while the carrier answers").isZero();
            assertThat(lockUpdateAndCommit(request.orderId()))
                    .as("a second transaction got the row lock and read the committed decision")
                    .isEqualTo("CANCELLING");
        } finally {
            cancelGate.open();
        }
        cancel.get(30, TimeUnit.SECONDS);

        assertThat(new CarrierBooks(jdbc).liveBookings(request.orderId())).isZero();
        assertThat(jdbc.queryForObject("SELECT state FROM shipment WHERE order_id = ?", String.class, request.orderId()))
                .isEqualTo("CANCELLED");
    }

    /**
     * Locks the shipment row in a transaction of its own, on a connection of its own (not the
     * service's pool), touches it and commits; a lock still held by the cancel makes this fail with
     * MariaDB's lock wait timeout.
     */
    private static String lockUpdateAndCommit(String orderId) throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("delivery"), MariaDbServer.USER,
                MariaDbServer.PASSWORD)) {
            try (Statement session = connection.createStatement()) {
                // This connection is closed afterwards, so the setting ends with it.
                session.execute("SET SESSION innodb_lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            }
            connection.setAutoCommit(false);
            String state;
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT state FROM shipment WHERE order_id = ? FOR UPDATE")) {
                lock.setString(1, orderId);
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).as("the shipment row exists").isTrue();
                    state = row.getString(1);
                }
            }
            try (PreparedStatement touch = connection.prepareStatement(
                    "UPDATE shipment SET updated_at = CURRENT_TIMESTAMP(6) WHERE order_id = ?")) {
                touch.setString(1, orderId);
                assertThat(touch.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
            return state;
        }
    }
}

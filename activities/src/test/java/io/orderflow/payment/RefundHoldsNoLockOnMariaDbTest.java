package io.orderflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.orderflow.Money;
import io.orderflow.testing.Databases;
import io.orderflow.testing.Gate;
import io.orderflow.testing.PaymentServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.orderflow.testing.mariadb.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * A refund must not hold the order's row lock, nor any pooled connection, while the provider takes
 * its time: the provider here is the simulated one behind a {@link Gate} the test opens, so the
 * refund is provably in flight while a second transaction works on the same row.
 */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = {PaymentServiceApp.class, RefundHoldsNoLockOnMariaDbTest.GatedProvider.class})
class RefundHoldsNoLockOnMariaDbTest {

    /** Far below MariaDB's default of 50 s: a lock held by the refund makes the probe fail fast. */
    private static final int LOCK_WAIT_SECONDS = 1;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "payment");
    }

    /**
     * Deliberately not a {@code @Configuration}: the service's component scan covers this package,
     * test classes included, and would slip the gate into every other payment test context.
     * Listed in {@code @SpringBootTest(classes)}, it serves this test alone.
     */
    static class GatedProvider {

        @Bean
        Gate refundGate() {
            return new Gate();
        }

        /** The simulated provider, except that a refund first waits at the gate. */
        @Bean
        @Primary
        PaymentProvider gatedProvider(SimulatedPaymentProvider simulated, Gate refundGate) {
            return new PaymentProvider() {
                @Override
                public String charge(String key, String customerId, Money amount, String paymentToken,
                        Heartbeat heartbeat) {
                    return simulated.charge(key, customerId, amount, paymentToken, heartbeat);
                }

                @Override
                public void refund(String key, Heartbeat heartbeat) {
                    refundGate.pass();
                    simulated.refund(key, heartbeat);
                }
            };
        }
    }

    @Autowired
    @Qualifier("paymentActivities")
    PaymentActivities payments;

    @Autowired
    Gate refundGate;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondTransactionLocksAndUpdatesThePaymentRowWhileASlowRefundIsInFlight() throws Exception {
        ChargeRequest request = new ChargeRequest("order-" + UUID.randomUUID(), "cust-42", Money.of(2200, "EUR"), "tok_visa");
        payments.charge(request);

        CompletableFuture<Void> refund = CompletableFuture.runAsync(() -> payments.refund(request.orderId()));
        try {
            refundGate.awaitArrival(); // the refund reached the provider

            assertThat(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
                    .as("pooled connections held while the provider answers").isZero();
            assertThat(lockUpdateAndCommit(request.orderId()))
                    .as("a second transaction got the row lock and read the committed decision")
                    .isEqualTo("REFUNDING");
        } finally {
            refundGate.open();
        }
        refund.get(30, TimeUnit.SECONDS);

        assertThat(new ProviderBooks(jdbc).refundedCents(request.orderId())).isEqualTo(2200);
        assertThat(jdbc.queryForObject("SELECT state FROM payment WHERE order_id = ?", String.class, request.orderId()))
                .isEqualTo("REFUNDED");
    }

    /**
     * Locks the payment row in a transaction of its own, on a connection of its own (not the
     * service's pool), touches it and commits; a lock still held by the refund makes this fail with
     * MariaDB's lock wait timeout.
     */
    private static String lockUpdateAndCommit(String orderId) throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("payment"), MariaDbServer.USER,
                MariaDbServer.PASSWORD)) {
            try (Statement session = connection.createStatement()) {
                // This connection is closed afterwards, so the setting ends with it.
                session.execute("SET SESSION innodb_lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            }
            connection.setAutoCommit(false);
            String state;
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT state FROM payment WHERE order_id = ? FOR UPDATE")) {
                lock.setString(1, orderId);
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).as("the payment row exists").isTrue();
                    state = row.getString(1);
                }
            }
            try (PreparedStatement touch = connection.prepareStatement(
                    "UPDATE payment SET updated_at = CURRENT_TIMESTAMP(6) WHERE order_id = ?")) {
                touch.setString(1, orderId);
                assertThat(touch.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
            return state;
        }
    }
}

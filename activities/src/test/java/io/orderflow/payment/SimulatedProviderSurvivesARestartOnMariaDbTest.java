package io.orderflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.Money;
import io.orderflow.testing.Databases;
import io.orderflow.testing.PaymentServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated provider is the outside world: a restart of our worker (here a fresh Spring context
 * on the same database, as after {@code kill -9}) must not make "the bank" forget a charge, a refund
 * or how often {@code tok_flaky} has failed. Each context is started and closed by the test itself.
 */
@ExtendWith(MariaDbExtension.class)
class SimulatedProviderSurvivesARestartOnMariaDbTest {

    @Test
    void aChargeMadeBeforeARestartIsAnsweredAndRefundedOnceAfterIt() {
        String orderId = "order-" + UUID.randomUUID();
        String paymentId;
        try (ConfigurableApplicationContext before = startPaymentService()) {
            paymentId = before.getBean(PaymentActivities.class)
                    .charge(new ChargeRequest(orderId, "cust-42", Money.of(2500, "EUR"), "tok_visa")).paymentId();
        }

        try (ConfigurableApplicationContext after = startPaymentService()) {
            // Asked directly: the activities would answer a repeat from our own row, not the provider's.
            SimulatedPaymentProvider provider = after.getBean(SimulatedPaymentProvider.class);
            String repeat = provider.charge(orderId, "cust-42", Money.of(9900, "EUR"), "tok_visa");
            provider.refund(orderId);
            provider.refund(orderId);

            ProviderBooks books = new ProviderBooks(after.getBean(JdbcTemplate.class));
            assertThat(repeat).as("the repeat answers with the charge made before the restart").isEqualTo(paymentId);
            assertThat(books.chargedCents(orderId)).as("charged once, with the first amount").isEqualTo(2500);
            assertThat(books.refundedCents(orderId)).as("refunded once, in full").isEqualTo(2500);
        }
    }

    @Test
    void theFlakyTokensFailuresAreCountedAcrossARestart() {
        String orderId = "order-" + UUID.randomUUID();
        Money amount = Money.of(3000, "EUR");
        try (ConfigurableApplicationContext before = startPaymentService()) {
            PaymentProvider provider = before.getBean(SimulatedPaymentProvider.class);
            assertThatThrownBy(() -> provider.charge(orderId, "cust-42", amount, SimulatedPaymentProvider.FLAKY))
                    .isInstanceOf(ProviderUnavailableException.class);
        }

        try (ConfigurableApplicationContext after = startPaymentService()) {
            PaymentProvider provider = after.getBean(SimulatedPaymentProvider.class);
            assertThatThrownBy(() -> provider.charge(orderId, "cust-42", amount, SimulatedPaymentProvider.FLAKY))
                    .as("the second attempt fails: the first failure was not forgotten")
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(provider.charge(orderId, "cust-42", amount, SimulatedPaymentProvider.FLAKY))
                    .as("the third attempt approves, as it would without the restart").startsWith("pay_");
        }
    }

    /** The payment service as a worker process runs it, on the shared test database. */
    private static ConfigurableApplicationContext startPaymentService() {
        return new SpringApplicationBuilder(PaymentServiceApp.class)
                .web(WebApplicationType.NONE)
                .properties(Databases.mariaDbProperties("payment"))
                .run();
    }
}

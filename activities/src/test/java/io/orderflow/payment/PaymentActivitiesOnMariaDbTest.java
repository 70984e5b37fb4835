package io.orderflow.payment;

import static io.orderflow.testing.Concurrently.runTogether;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.Databases;
import io.orderflow.testing.PaymentServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The payment activities on a real MariaDB server, including concurrency and money conservation. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = PaymentServiceApp.class, properties = "orderflow.payment.simulator.slow-token-delay=300ms")
class PaymentActivitiesOnMariaDbTest extends PaymentActivitiesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "payment");
    }

    @Test
    void concurrentDuplicateChargesOfOneOrderChargeOnce() throws Exception {
        ChargeRequest request = request("tok_visa", 2500);

        List<Callable<PaymentReceipt>> duplicates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            duplicates.add(() -> payments.charge(request));
        }
        List<PaymentReceipt> receipts = runTogether(duplicates);

        assertThat(receipts).allSatisfy(receipt -> assertThat(receipt).isEqualTo(receipts.get(0)));
        assertThat(books.chargedCents(request.orderId())).isEqualTo(2500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment WHERE order_id = ?", Integer.class,
                request.orderId())).isEqualTo(1);
    }

    @Test
    void concurrentRefundsOfOneOrderRefundOnce() throws Exception {
        ChargeRequest request = request("tok_visa", 2700);
        payments.charge(request);

        List<Callable<String>> refunds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            refunds.add(() -> {
                payments.refund(request.orderId());
                return "refunded";
            });
        }
        runTogether(refunds);

        assertThat(books.refundedCents(request.orderId())).isEqualTo(2700);
        assertThat(state(request.orderId())).isEqualTo("REFUNDED");
    }

    @Test
    void aRefundRacingItsChargeLeavesNoNetMoneyMoved() throws Exception {
        List<ChargeRequest> requests = new ArrayList<>();
        List<Callable<String>> racing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ChargeRequest request = request("tok_visa", 1000);
            requests.add(request);
            racing.add(() -> chargeOrRefused(request));
            racing.add(() -> {
                payments.refund(request.orderId());
                return "refunded";
            });
        }
        runTogether(racing);
        // The workflow always ends with the compensation: once it has run, whatever the race.
        requests.forEach(request -> payments.refund(request.orderId()));

        for (ChargeRequest request : requests) {
            assertThat(books.netCents(request.orderId())).as("money kept by the provider for %s", request.orderId())
                    .isZero();
            assertThat(ourNetCents(request.orderId())).as("money kept in our books for %s", request.orderId())
                    .isZero();
        }
    }

    @Test
    void moneyMovedAtTheProviderEqualsChargedMinusRefundedInOurBooksPerOrder() throws Exception {
        String[] tokens = {"tok_visa", "tok_declined", "tok_visa", "tok_insufficient_funds", "tok_mastercard"};
        List<Callable<String>> batch = new ArrayList<>();
        List<ChargeRequest> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ChargeRequest request = request(tokens[i % tokens.length], 100 + i);
            requests.add(request);
            batch.add(() -> chargeOrRefused(request));
            batch.add(() -> chargeOrRefused(request)); // a duplicate delivery of the same task
        }
        runTogether(batch);
        List<Callable<String>> compensations = new ArrayList<>();
        for (int i = 0; i < requests.size(); i += 3) {
            String orderId = requests.get(i).orderId();
            compensations.add(() -> {
                payments.refund(orderId);
                return "refunded";
            });
            compensations.add(() -> {
                payments.refund(orderId);
                return "refunded again";
            });
        }
        runTogether(compensations);

        Map<String, Long> atTheProvider = new LinkedHashMap<>();
        Map<String, Long> inOurBooks = new LinkedHashMap<>();
        for (ChargeRequest request : requests) {
            atTheProvider.put(request.orderId(), books.netCents(request.orderId()));
            inOurBooks.put(request.orderId(), ourNetCents(request.orderId()));
        }
        assertThat(atTheProvider).isEqualTo(inOurBooks);
        assertThat(inOurBooks.values().stream().mapToLong(Long::longValue).sum())
                .as("some orders stay charged, so the comparison is not of zeros only").isPositive();
    }

    private String chargeOrRefused(ChargeRequest request) {
        try {
            return payments.charge(request).paymentId();
        } catch (ApplicationFailure refused) {
            assertThat(refused.isNonRetryable()).isTrue();
            return refused.getType();
        }
    }
}

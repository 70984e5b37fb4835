package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.payment.PaymentFailures;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.temporal.api.history.v1.History;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What someone with access to the Temporal server but without the key reads: the history exactly
 * as the server stores it. With the codec on, it holds no payment token, name or address, in the
 * order's input, the activities' inputs and results, the query answers or the failures.
 */
class StoredHistoryEncryptionTest {

    /** The sample order's payment token and the parts of its shipping address (see {@link Orders}). */
    private static final String[] PERSONAL_DATA = {"tok_visa", "Ada Lovelace", "12 Main St", "N1 9GU"};

    @Test
    void theHistoryTheServerStoresHoldsNoPaymentTokenOrAddressWhenTheCodecIsOn() {
        try (CheckoutTestEnvironment env = new CheckoutTestEnvironment()) {
            OrderView view = env.run(Orders.sample("enc-completed"));

            assertThat(view.status()).as("the workers still read every payload").isEqualTo(OrderStatus.COMPLETED);
            assertThat(stored(env.storedHistory("enc-completed"))).doesNotContain(PERSONAL_DATA);
        }
    }

    @Test
    void aFailedOrdersHistoryHoldsNoPaymentTokenOrAddressEitherWhenTheCodecIsOn() {
        try (CheckoutTestEnvironment env = new CheckoutTestEnvironment()) {
            env.payment().onCharge(Step.failWith(PaymentFailures.PAYMENT_DECLINED, "card tok_visa declined"));

            OrderView view = env.run(Orders.sample("enc-declined"));

            assertThat(view.failure().code()).isEqualTo(PaymentFailures.PAYMENT_DECLINED);
            assertThat(view.failure().message()).as("the failure's message is read back").contains("tok_visa");
            assertThat(stored(env.storedHistory("enc-declined"))).doesNotContain(PERSONAL_DATA);
        }
    }

    @Test
    void withoutTheCodecTheStoredHistoryShowsTheTokenAndAddress() {
        // The control: the check above would notice plaintext if the codec were not applied.
        try (CheckoutTestEnvironment env = new CheckoutTestEnvironment(OrderflowDataConverter.create())) {
            env.run(Orders.sample("plain-completed"));

            assertThat(stored(env.storedHistory("plain-completed"))).contains(PERSONAL_DATA);
        }
    }

    @Test
    void everyHistoryRecordedWithEncryptionHoldsNoPaymentTokenOrAddress() throws IOException {
        List<Path> encrypted = RecordedHistories.all().stream().filter(RecordedHistories::isEncrypted).toList();

        assertThat(encrypted).isNotEmpty();
        for (Path file : encrypted) {
            History history = WorkflowExecutionHistory.fromJson(Files.readString(file)).getHistory();
            assertThat(stored(history)).as(RecordedHistories.name(file)).doesNotContain(PERSONAL_DATA);
        }
    }

    /** Payload data is raw bytes inside the protobuf, so plaintext JSON would show up as is. */
    private static String stored(History history) {
        return history.toByteString().toStringUtf8();
    }
}

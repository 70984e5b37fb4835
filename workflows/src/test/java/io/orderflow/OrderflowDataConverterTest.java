package io.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.TimelineEntry;
import io.orderflow.delivery.Shipment;
import io.orderflow.payment.PaymentReceipt;
import io.orderflow.testing.Orders;
import io.orderflow.testing.TestEncryption;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.failure.ApplicationFailure;
import io.temporal.internal.worker.WorkflowExecutionException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderflowDataConverterTest {

    private final DataConverter converter = OrderflowDataConverter.create();
    private final DataConverter encrypted = TestEncryption.converter();

    @Test
    void readsAPayloadThatCarriesAFieldThisVersionDoesNotKnow() {
        Payload newerWriter = json("{\"orderId\":\"o-1\",\"trackingNumber\":\"TRK-1\",\"carrier\":\"DHL\"}");

        Shipment shipment = converter.fromPayload(newerWriter, Shipment.class, Shipment.class);

        assertThat(shipment).isEqualTo(new Shipment("o-1", "TRK-1"));
    }

    @Test
    void readsAPayloadWithoutAFieldAsNull() {
        Payload olderWriter = json("{\"orderId\":\"o-1\",\"paymentId\":\"pay-1\"}");

        PaymentReceipt receipt = converter.fromPayload(olderWriter, PaymentReceipt.class, PaymentReceipt.class);

        assertThat(receipt).isEqualTo(new PaymentReceipt("o-1", "pay-1", null));
    }

    @Test
    void writesTimesAsReadableIsoStringsAndMoneyAsIntegerCents() {
        Payloads payloads = converter.toPayloads(
                new TimelineEntry(OrderStatus.RECEIVED, Instant.parse("2026-11-24T10:00:00Z")),
                new PaymentReceipt("o-1", "pay-1", Money.of(2500, "EUR"))).orElseThrow();

        assertThat(payloads.getPayloads(0).getData().toStringUtf8())
                .isEqualTo("{\"status\":\"RECEIVED\",\"at\":\"2026-11-24T10:00:00Z\",\"event\":null}");
        assertThat(payloads.getPayloads(1).getData().toStringUtf8())
                .contains("\"amount\":{\"amountCents\":2500,\"currency\":\"EUR\"}");
    }

    @Test
    void keepsTheTypeOfABusinessFailureThroughARoundTrip() {
        ApplicationFailure sent = ApplicationFailure.newNonRetryableFailure("card declined", "PAYMENT_DECLINED");

        RuntimeException received = converter.failureToException(converter.exceptionToFailure(sent));

        assertThat(received).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo("PAYMENT_DECLINED");
            assertThat(failure.getOriginalMessage()).isEqualTo("card declined");
            assertThat(failure.isNonRetryable()).isTrue();
        });
    }

    @Test
    void encryptsPayloadsAndReadsThemBack() {
        Payload stored = encrypted.toPayload(Orders.sample("o-1")).orElseThrow();

        assertThat(stored.toByteString().toStringUtf8()).doesNotContain("tok_visa", "12 Main St");
        assertThat(encrypted.fromPayload(stored, CheckoutRequest.class,
                CheckoutRequest.class)).isEqualTo(Orders.sample("o-1"));
    }

    @Test
    void readsAPlaintextPayloadWrittenBeforeEncryption() {
        Payload beforeEncryption = converter.toPayload(Orders.sample("o-1")).orElseThrow();

        assertThat(encrypted.fromPayload(beforeEncryption, CheckoutRequest.class,
                CheckoutRequest.class)).isEqualTo(Orders.sample("o-1"));
    }

    @Test
    void encryptsAFailuresMessageStackTraceAndDetailsButLeavesItsTypeReadable() {
        ApplicationFailure sent = ApplicationFailure.newNonRetryableFailure("card tok_visa declined",
                "PAYMENT_DECLINED", "12 Main St");

        Failure stored = encrypted.exceptionToFailure(sent);

        assertThat(stored.toByteString().toStringUtf8()).doesNotContain("tok_visa", "12 Main St", "OrderflowDataConverterTest");
        assertThat(stored.getApplicationFailureInfo().getType()).isEqualTo("PAYMENT_DECLINED");
        assertThat(encrypted.failureToException(stored)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo("PAYMENT_DECLINED");
            assertThat(failure.getOriginalMessage()).isEqualTo("card tok_visa declined");
            assertThat(failure.getDetails().get(String.class)).isEqualTo("12 Main St");
        });
    }

    @Test
    void anUpdateRejectionThatTheSdkConvertsTwiceKeepsItsTypeAndMessage() {
        ApplicationFailure rejection = ApplicationFailure.newNonRetryableFailure("order o-1 is SHIPPING",
                "NOT_CANCELLABLE");
        Failure once = encrypted.exceptionToFailure(rejection);

        // SDK 1.38.0 converts the validator's failure, wraps it, then converts the wrapper again.
        Failure twice = encrypted.exceptionToFailure(new WorkflowExecutionException(once));

        assertThat(twice).isEqualTo(once);
        assertThat(encrypted.failureToException(twice)).isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
            assertThat(failure.getType()).isEqualTo("NOT_CANCELLABLE");
            assertThat(failure.getOriginalMessage()).isEqualTo("order o-1 is SHIPPING");
        });
    }

    private static Payload json(String body) {
        return Payload.newBuilder()
                .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ByteString.copyFromUtf8("json/plain"))
                .setData(ByteString.copyFrom(body, StandardCharsets.UTF_8))
                .build();
    }
}

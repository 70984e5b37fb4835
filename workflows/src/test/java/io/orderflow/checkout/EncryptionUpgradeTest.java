package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.testing.CallLog;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.FakePayment;
import io.orderflow.testing.FakeStock;
import io.orderflow.testing.Gate;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.orderflow.testing.TestEncryption;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.payload.context.SerializationContext;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The upgrade itself: an order started before encryption is switched on is still running when
 * every client and worker starts encrypting. The charge written before the upgrade is retried
 * after it, so the now-encrypting payment worker reads that plaintext input; the order finishes,
 * writing ciphertext from then on; and its mixed history (plaintext first, ciphertext after)
 * replays from the start on an encrypting worker, as on a freshly deployed one.
 */
class EncryptionUpgradeTest {

    private static final String ORDER = "upgraded";

    /** Every client and worker of the test server reads its converter from here: the "deployment". */
    private volatile DataConverter deployed = OrderflowDataConverter.create();
    private final CallLog log = new CallLog();
    private final FakePayment payment = new FakePayment(log);
    private final TestWorkflowEnvironment server = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                    .setDataConverter(new Deployed(() -> deployed))
                    .build())
            .build());

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void anOrderStartedBeforeEncryptionFinishesOnWorkersThatEncrypt() throws Exception {
        Gate charging = new Gate();
        payment.onCharge(
                (orderId, effect) -> Step.waitAt(charging).run(orderId, () -> {
                    throw ApplicationFailure.newFailure("provider unavailable", Step.TRANSIENT);
                }),
                Step.proceed());
        startWorkers();
        WorkflowClient client = server.getWorkflowClient();
        CheckoutWorkflow order = client.newWorkflowStub(CheckoutWorkflow.class,
                CheckoutTestEnvironment.optionsFor(ORDER).build());
        WorkflowClient.start(order::checkout, Orders.sample(ORDER));
        charging.awaitArrival();

        deployed = TestEncryption.converter();
        charging.open();
        OrderView view = WorkflowStub.fromTyped(order).getResult(20, TimeUnit.SECONDS, OrderView.class);

        assertThat(view.status()).isEqualTo(OrderStatus.COMPLETED);
        List<HistoryEvent> events = client.fetchHistory(CheckoutWorkflow.workflowId(ORDER)).getEvents();
        assertThat(stored(first(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)))
                .as("the input, written before the upgrade").contains("tok_visa");
        assertThat(stored(first(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED)))
                .as("the result, written after it").contains("binary/encrypted").doesNotContain("Ada Lovelace");
        assertThat(log.attempts(CallLog.PAYMENT_CHARGE)).as("one attempt before the upgrade, one after").isEqualTo(2);
        replayOnAnEncryptingWorker(client.fetchHistory(CheckoutWorkflow.workflowId(ORDER)));
    }

    private static void replayOnAnEncryptingWorker(WorkflowExecutionHistory history) throws Exception {
        try (TestWorkflowEnvironment fresh = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(TestEncryption.converter())
                        .build())
                .build())) {
            WorkflowReplayer.replayWorkflowExecution(history, fresh, CheckoutWorkflowImpl.class);
        }
    }

    private void startWorkers() {
        CheckoutTestEnvironment.serve(server, new FakeStock(log), payment, new FakeDelivery(log));
        server.start();
    }

    private static HistoryEvent first(List<HistoryEvent> events, EventType type) {
        return events.stream().filter(event -> event.getEventType() == type).findFirst().orElseThrow();
    }

    private static String stored(HistoryEvent event) {
        return event.toByteString().toStringUtf8();
    }

    /**
     * Whatever converter is deployed at the moment of each call. (Replacing the workers themselves
     * on one test server loses a workflow task to a stopped worker's poll, a quirk of the test
     * server; switching what the same workers run exercises the same reads and writes.)
     */
    private record Deployed(Supplier<DataConverter> current) implements DataConverter {

        @Override
        public <T> Optional<Payload> toPayload(T value) {
            return current.get().toPayload(value);
        }

        @Override
        public <T> T fromPayload(Payload payload, Class<T> valueClass, Type valueType) {
            return current.get().fromPayload(payload, valueClass, valueType);
        }

        @Override
        public Optional<Payloads> toPayloads(Object... values) {
            return current.get().toPayloads(values);
        }

        @Override
        public <T> T fromPayloads(int index, Optional<Payloads> content, Class<T> valueType, Type valueGenericType) {
            return current.get().fromPayloads(index, content, valueType, valueGenericType);
        }

        @Override
        public Object[] fromPayloads(Optional<Payloads> content, Class<?>[] parameterTypes,
                Type[] genericParameterTypes) {
            return current.get().fromPayloads(content, parameterTypes, genericParameterTypes);
        }

        @Override
        public Failure exceptionToFailure(Throwable throwable) {
            return current.get().exceptionToFailure(throwable);
        }

        @Override
        public RuntimeException failureToException(Failure failure) {
            return current.get().failureToException(failure);
        }

        @Override
        public DataConverter withContext(SerializationContext context) {
            return new Deployed(() -> current.get().withContext(context));
        }
    }
}

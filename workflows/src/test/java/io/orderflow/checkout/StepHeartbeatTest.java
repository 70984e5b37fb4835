package io.orderflow.checkout;

import static io.orderflow.checkout.OrderStatus.COMPLETED;
import static io.orderflow.checkout.OrderStatus.FAILED;
import static io.orderflow.testing.CallLog.PAYMENT_CHARGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.delivery.DeliveryFailures;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.Gate;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.internal.common.ProtobufTimeUtils;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The payment steps heartbeat while their provider takes its time, so the saga gives them a
 * heartbeat timeout: a payment worker that dies mid-attempt is noticed after it, not after the
 * whole start-to-close timeout. Times are the test server's clock, read from the order's history.
 */
class StepHeartbeatTest {

    private static final String ORDER = "o-heartbeat";

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment();
    /** Where the first charge attempt hangs without a heartbeat, as on a worker that died. */
    private final Gate deadWorker = new Gate();

    @AfterEach
    void stopTestServer() {
        deadWorker.open();
        env.close();
    }

    @Test
    void aChargeWhoseWorkerDiedIsRetriedAfterTheHeartbeatTimeoutNotAfterStartToClose() {
        env.payment().onCharge(Step.waitAt(deadWorker), Step.proceed());

        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(COMPLETED);
        assertThat(env.log().attempts(PAYMENT_CHARGE)).as("the hung attempt and its retry").isEqualTo(2);
        List<HistoryEvent> events = env.client().fetchHistory(CheckoutWorkflow.workflowId(ORDER)).getEvents();
        HistoryEvent scheduled = scheduledEvent(events, "PaymentCharge");
        HistoryEvent started = eventFor(events, scheduled, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
        HistoryEvent completed = eventFor(events, scheduled, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
        assertThat(started.getActivityTaskStartedEventAttributes().getAttempt()).as("the charge that succeeded")
                .isEqualTo(2);
        Duration chargeTook = between(scheduled, completed);
        assertThat(chargeTook).as("given up after the heartbeat timeout, retried after the first backoff")
                .isGreaterThanOrEqualTo(StepPolicies.HEARTBEAT_TIMEOUT)
                .isLessThan(StepPolicies.HEARTBEAT_TIMEOUT.plus(StepPolicies.INITIAL_RETRY_INTERVAL).plusSeconds(2))
                .isLessThan(StepPolicies.START_TO_CLOSE);
    }

    @Test
    void onlyThePaymentActivitiesHaveAHeartbeatTimeoutTheirCompensationIncluded() {
        env.delivery().onSchedule(Step.failWith(DeliveryFailures.ADDRESS_UNSERVICEABLE, "no carrier serves AQ"));

        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(FAILED);
        Map<String, Duration> heartbeatTimeouts = env.client().fetchHistory(CheckoutWorkflow.workflowId(ORDER))
                .getEvents().stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
                .collect(Collectors.toMap(scheduled -> scheduled.getActivityType().getName(),
                        scheduled -> ProtobufTimeUtils.toJavaDuration(scheduled.getHeartbeatTimeout()),
                        (first, second) -> first));
        assertThat(heartbeatTimeouts).containsEntry("PaymentCharge", StepPolicies.HEARTBEAT_TIMEOUT)
                .containsEntry("PaymentRefund", StepPolicies.HEARTBEAT_TIMEOUT)
                .containsEntry("StockReserve", Duration.ZERO)
                .containsEntry("StockRelease", Duration.ZERO)
                .containsEntry("DeliverySchedule", Duration.ZERO);
    }

    private static HistoryEvent scheduledEvent(List<HistoryEvent> events, String activityType) {
        return events.stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .filter(event -> event.getActivityTaskScheduledEventAttributes().getActivityType().getName()
                        .equals(activityType))
                .findFirst().orElseThrow();
    }

    private static HistoryEvent eventFor(List<HistoryEvent> events, HistoryEvent scheduled, EventType type) {
        return events.stream()
                .filter(event -> event.getEventType() == type)
                .filter(event -> scheduledEventId(event) == scheduled.getEventId())
                .findFirst().orElseThrow();
    }

    private static long scheduledEventId(HistoryEvent event) {
        return switch (event.getEventType()) {
            case EVENT_TYPE_ACTIVITY_TASK_STARTED -> event.getActivityTaskStartedEventAttributes().getScheduledEventId();
            case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> event.getActivityTaskCompletedEventAttributes().getScheduledEventId();
            default -> -1;
        };
    }

    private static Duration between(HistoryEvent from, HistoryEvent to) {
        return Duration.between(ProtobufTimeUtils.toJavaInstant(from.getEventTime()),
                ProtobufTimeUtils.toJavaInstant(to.getEventTime()));
    }
}

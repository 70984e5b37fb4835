package io.orderflow.testing;

import io.orderflow.payment.ChargeRequest;
import io.orderflow.payment.PaymentActivities;
import io.orderflow.payment.PaymentFailures;
import io.orderflow.payment.PaymentReceipt;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory payment service with the real contract: one charge per order whatever the retries,
 * refund once, a tombstone refuses a late charge. Attempts follow scripted {@link Step}s.
 */
public final class FakePayment implements PaymentActivities {

    private final CallLog log;
    private final Map<String, PaymentReceipt> charges = new ConcurrentHashMap<>();
    private final Set<String> refunded = ConcurrentHashMap.newKeySet();
    private final Map<String, Step[]> chargeStepsByToken = new ConcurrentHashMap<>();
    private final Map<String, Script> chargeScriptsByOrder = new ConcurrentHashMap<>();
    private volatile Script chargeScript = Script.alwaysProceed();
    private volatile Script refundScript = Script.alwaysProceed();

    public FakePayment(CallLog log) {
        this.log = log;
    }

    public FakePayment onCharge(Step... steps) {
        chargeScript = new Script(steps);
        return this;
    }

    /**
     * Scripts the charges of the orders paid with {@code token}, as a real provider answers by card:
     * each such order runs the steps from the first, the last repeating; other orders follow
     * {@link #onCharge}.
     */
    public FakePayment onChargePaidWith(String token, Step... steps) {
        chargeStepsByToken.put(token, steps.clone());
        return this;
    }

    public FakePayment onRefund(Step... steps) {
        refundScript = new Script(steps);
        return this;
    }

    @Override
    public PaymentReceipt charge(ChargeRequest request) {
        log.record(CallLog.PAYMENT_CHARGE);
        AtomicReference<PaymentReceipt> result = new AtomicReference<>();
        chargeScriptFor(request).nextAttempt().run(request.orderId(), () -> result.set(take(request)));
        return result.get();
    }

    @Override
    public void refund(String orderId) {
        log.record(CallLog.PAYMENT_REFUND);
        refundScript.nextAttempt().run(orderId, () -> refunded.add(orderId));
    }

    /** What the customer is out of pocket for the order: the charge, unless it was refunded. */
    public long netChargedCents(String orderId) {
        PaymentReceipt receipt = charges.get(orderId);
        return receipt == null || refunded.contains(orderId) ? 0 : receipt.amount().amountCents();
    }

    public boolean wasCharged(String orderId) {
        return charges.containsKey(orderId);
    }

    private Script chargeScriptFor(ChargeRequest request) {
        Step[] steps = chargeStepsByToken.get(request.paymentToken());
        return steps == null ? chargeScript
                : chargeScriptsByOrder.computeIfAbsent(request.orderId(), id -> new Script(steps));
    }

    private PaymentReceipt take(ChargeRequest request) {
        if (refunded.contains(request.orderId())) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + request.orderId() + " was already refunded", PaymentFailures.PAYMENT_REFUNDED);
        }
        return charges.computeIfAbsent(request.orderId(),
                id -> new PaymentReceipt(id, "pay-" + id, request.amount()));
    }
}

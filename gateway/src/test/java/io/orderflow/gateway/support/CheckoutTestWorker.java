package io.orderflow.gateway.support;

import io.orderflow.checkout.CheckoutPolicy;
import io.orderflow.payment.PaymentFailures;
import io.orderflow.testing.CallLog;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.FakePayment;
import io.orderflow.testing.FakeStock;
import io.orderflow.testing.Gates;
import io.orderflow.testing.Step;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives the in-process Temporal test server (started by the Temporal starter) what a real
 * deployment has: the custom search attributes, the real checkout saga, and on the stock, payment
 * and delivery task queues the fakes of the workflows test-jar. The gateway itself registers no
 * worker.
 *
 * <p>A test puts an order where it needs it the way the real world decides it: by the card it is
 * paid with, or by where it ships (the fake carrier reports delivered, lost, returned or nothing by
 * the address line, like the simulated one). The fakes are shared by every Spring context of the run, which is
 * safe because each order follows its own script.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CheckoutTestWorker {

    /** The charge waits at its order's gate in {@link #HELD_CHARGES} until the test opens it. */
    public static final String HOLD = "tok_hold";
    /** The provider declines the card: the order fails with {@code PAYMENT_DECLINED}. */
    public static final String DECLINED = "tok_declined";
    /** The provider takes {@link #SLOW_CHARGE} to approve. */
    public static final String SLOW = "tok_slow";
    public static final Duration SLOW_CHARGE = Duration.ofSeconds(2);
    /** Bookings to this country wait at their order's gate in {@link #HELD_DELIVERIES}: too late to cancel. */
    public static final String HELD_DELIVERY_COUNTRY = "IS";

    /**
     * The checkout worker's configured delivery deadline here: short, so an order whose carrier
     * never reports (address line {@code NEVER-ARRIVES}) is overdue within seconds.
     */
    public static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(3);
    public static final CheckoutPolicy POLICY =
            new CheckoutPolicy(DELIVERY_DEADLINE, CheckoutPolicy.DEFAULT_COMPENSATION_ALERT_AFTER);

    public static final Gates HELD_CHARGES = new Gates();
    public static final Gates HELD_DELIVERIES = new Gates();

    private static final CallLog LOG = new CallLog();
    public static final FakeStock STOCK = new FakeStock(LOG);
    public static final FakePayment PAYMENT = new FakePayment(LOG)
            .onChargePaidWith(HOLD, Step.waitAt(HELD_CHARGES))
            .onChargePaidWith(DECLINED, Step.failWith(PaymentFailures.PAYMENT_DECLINED, "card declined"))
            .onChargePaidWith(SLOW, Step.takeEffectAfter(SLOW_CHARGE));
    public static final FakeDelivery DELIVERY = new FakeDelivery(LOG)
            .onScheduleTo(HELD_DELIVERY_COUNTRY, Step.waitAt(HELD_DELIVERIES));

    /** Real time, as in production: a client's long poll must really wait, not skip ahead. */
    @Bean
    TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> realTimeTestServer() {
        return builder -> builder.setUseTimeskipping(false);
    }

    @Bean
    InitializingBean checkoutWorkersOnTestServer(TestWorkflowEnvironment environment) {
        return () -> {
            CheckoutTestEnvironment.serve(environment, STOCK, PAYMENT, DELIVERY, POLICY);
            environment.start();
        };
    }
}

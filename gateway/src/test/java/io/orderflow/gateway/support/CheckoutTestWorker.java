package io.orderflow.gateway.support;

import io.orderflow.TaskQueues;
import io.orderflow.checkout.OrderSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives the in-process Temporal test server (started by the Temporal starter) what a real
 * deployment has: the custom search attributes and a checkout worker, here running
 * {@link ControllableCheckoutWorkflow}. The gateway itself registers no worker.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CheckoutTestWorker {

    /** Real time, as in production: a client's long poll must really wait, not skip ahead. */
    @Bean
    TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> realTimeTestServer() {
        return builder -> builder.setUseTimeskipping(false);
    }

    @Bean
    InitializingBean checkoutWorkerOnTestServer(TestWorkflowEnvironment environment) {
        return () -> {
            environment.registerSearchAttribute(OrderSearchAttributes.ORDER_STATUS.getName(),
                    IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
            environment.registerSearchAttribute(OrderSearchAttributes.CUSTOMER_ID.getName(),
                    IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
            environment.registerSearchAttribute(OrderSearchAttributes.ORDER_TOTAL_CENTS.getName(),
                    IndexedValueType.INDEXED_VALUE_TYPE_INT);
            environment.newWorker(TaskQueues.CHECKOUT)
                    .registerWorkflowImplementationTypes(ControllableCheckoutWorkflow.class);
            environment.start();
        };
    }
}

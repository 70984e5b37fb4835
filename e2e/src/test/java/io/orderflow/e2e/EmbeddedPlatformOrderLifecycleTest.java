package io.orderflow.e2e;

import java.time.Duration;

/** The order-lifecycle scenarios against the embedded platform (its checkout worker's deadline shortened). */
class EmbeddedPlatformOrderLifecycleTest extends OrderLifecycleScenarios {

    private static final OrderflowClient CLIENT = SharedEmbeddedPlatform.operatorClient();

    @Override
    protected OrderflowClient client() {
        return CLIENT;
    }

    @Override
    protected String carrierSecret() {
        return SharedEmbeddedPlatform.carrierSecret();
    }

    @Override
    protected Duration overdueWithin() {
        return SharedEmbeddedPlatform.DELIVERY_DEADLINE.plusSeconds(30);
    }
}

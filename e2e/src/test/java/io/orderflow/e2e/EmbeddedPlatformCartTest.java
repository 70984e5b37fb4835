package io.orderflow.e2e;

import io.orderflow.identity.testing.DevTokens;

/** Carts and "my orders" against the embedded platform (no Temporal visibility there). */
class EmbeddedPlatformCartTest extends CartScenarios {

    private static final OrderflowClient CLIENT = SharedEmbeddedPlatform.operatorClient();

    @Override
    protected OrderflowClient client() {
        return CLIENT;
    }

    @Override
    protected DevTokens tokens() {
        return SharedEmbeddedPlatform.tokens();
    }
}

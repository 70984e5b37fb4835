package io.orderflow.e2e;

/**
 * The checkout scenarios against the embedded platform booted in this JVM exactly as
 * {@code scripts/run.sh} boots it, on free ports, over real HTTP and gRPC.
 */
class EmbeddedPlatformEndToEndTest extends CheckoutScenarios {

    private static final OrderflowClient CLIENT = SharedEmbeddedPlatform.operatorClient();

    @Override
    protected OrderflowClient client() {
        return CLIENT;
    }
}

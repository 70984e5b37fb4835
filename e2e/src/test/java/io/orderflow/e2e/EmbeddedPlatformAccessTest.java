package io.orderflow.e2e;

import io.orderflow.identity.testing.DevTokens;
import java.net.URI;

/** The access rules against the embedded platform, with tokens from its own dev identity provider. */
class EmbeddedPlatformAccessTest extends AccessScenarios {

    private static final OrderflowClient CLIENT = SharedEmbeddedPlatform.operatorClient();

    @Override
    protected OrderflowClient client() {
        return CLIENT;
    }

    @Override
    protected DevTokens tokens() {
        return SharedEmbeddedPlatform.tokens();
    }

    @Override
    protected URI issuer() {
        return URI.create(SharedEmbeddedPlatform.settings().issuer());
    }
}

package io.orderflow.e2e;

import io.orderflow.identity.testing.DevTokens;
import java.net.URI;

/**
 * The pages against the embedded platform booted in this JVM exactly as {@code scripts/run.sh}
 * boots it. Its in-process Temporal server reports no load, and the console says so.
 */
class EmbeddedPlatformPagesTest extends PagesScenarios {

    @Override
    protected String webUrl() {
        return SharedEmbeddedPlatform.settings().webUrl();
    }

    @Override
    protected OrderflowClient api(DevTokens.DevClient client) {
        DevTokens tokens = SharedEmbeddedPlatform.tokens();
        return new OrderflowClient(URI.create(SharedEmbeddedPlatform.settings().gatewayUrl()),
                () -> tokens.accessToken(client));
    }

    @Override
    protected boolean temporalReportsLoad() {
        return false;
    }

    @Override
    protected String temporalUiUrl() {
        return null;
    }
}

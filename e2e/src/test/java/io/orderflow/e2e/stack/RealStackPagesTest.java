package io.orderflow.e2e.stack;

import io.orderflow.e2e.OrderflowClient;
import io.orderflow.e2e.PagesScenarios;
import io.orderflow.identity.testing.DevTokens;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every scenario of the pages, unchanged, in a real Chromium against the real stack: the web JVM
 * on :8090 in front of the gateway JVM, the Temporal dev server (with visibility and task-queue
 * statistics, so the console draws real charts), MariaDB and the dev identity provider.
 */
class RealStackPagesTest extends PagesScenarios {

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Override
    protected String webUrl() {
        return RealStack.WEB.toString();
    }

    @Override
    protected OrderflowClient api(DevTokens.DevClient client) {
        return new OrderflowClient(RealStack.GATEWAY, () -> RealStack.TOKENS.accessToken(client));
    }

    @Override
    protected boolean temporalReportsLoad() {
        return true;
    }

    @Override
    protected String temporalUiUrl() {
        return RealStack.TEMPORAL_UI.toString();
    }
}

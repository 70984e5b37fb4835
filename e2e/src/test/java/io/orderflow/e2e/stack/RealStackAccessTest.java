package io.orderflow.e2e.stack;

import io.orderflow.e2e.AccessScenarios;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.identity.testing.DevTokens;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;

/** The access rules across separate processes: identity provider, gateway, stock and checkout workers. */
class RealStackAccessTest extends AccessScenarios {

    private static final OrderflowClient CLIENT = RealStack.client();

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Override
    protected OrderflowClient client() {
        return CLIENT;
    }

    @Override
    protected DevTokens tokens() {
        return RealStack.TOKENS;
    }

    @Override
    protected URI issuer() {
        return RealStack.ISSUER;
    }
}

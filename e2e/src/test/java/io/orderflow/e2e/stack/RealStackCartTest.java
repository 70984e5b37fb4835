package io.orderflow.e2e.stack;

import io.orderflow.e2e.CartScenarios;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.identity.testing.DevTokens;
import org.junit.jupiter.api.BeforeAll;

/** Carts and "my orders" across separate processes, on a Temporal server with visibility. */
class RealStackCartTest extends CartScenarios {

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
}

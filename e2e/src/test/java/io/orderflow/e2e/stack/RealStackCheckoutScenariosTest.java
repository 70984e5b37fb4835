package io.orderflow.e2e.stack;

import io.orderflow.e2e.CheckoutScenarios;
import io.orderflow.e2e.OrderflowClient;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every checkout scenario of the embedded suite, unchanged, over HTTP against the real stack: the
 * gateway JVM on :8080, four worker JVMs, the Temporal dev server and MariaDB.
 */
class RealStackCheckoutScenariosTest extends CheckoutScenarios {

    private static final OrderflowClient CLIENT = RealStack.client();

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Override
    protected OrderflowClient client() {
        return CLIENT;
    }
}

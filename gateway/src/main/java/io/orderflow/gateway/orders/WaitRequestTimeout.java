package io.orderflow.gateway.orders;

import io.orderflow.gateway.GatewayProperties;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How long Spring MVC keeps an asynchronous request ({@code waitForTerminal}) open: the longest wait
 * a client may ask for, plus the look-up and state query that end it, each within its own budget.
 * Derived from those settings so that raising the maximum wait cannot outgrow it; left to the
 * servlet container's default (30 s), a longer wait was cut off with a bare 503.
 */
@Configuration(proxyBeanMethods = false)
class WaitRequestTimeout implements WebMvcConfigurer {

    private final Duration timeout;

    WaitRequestTimeout(GatewayProperties properties) {
        GatewayProperties.Orders orders = properties.orders();
        Duration rpcBudget = properties.temporal().rpcRetryBudget();
        // After the wait: describe the workflow, then read its result or query it.
        this.timeout = orders.maxWait().plus(rpcBudget).plus(orders.queryTimeout()).plus(rpcBudget);
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(timeout.toMillis());
    }
}

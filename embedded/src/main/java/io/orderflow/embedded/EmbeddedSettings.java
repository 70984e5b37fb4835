package io.orderflow.embedded;

import io.orderflow.worker.WorkerRole;

/**
 * Ports of the embedded platform. Read from system properties or environment so two platforms
 * (say, a test and a demo) can run side by side.
 *
 * @param temporalPort gRPC port of the in-process Temporal test server (the Temporal CLI can talk to it)
 * @param gatewayPort REST API
 * @param stockPort stock worker HTTP (catalog API, actuator); by default, like the payment, delivery
 *     and checkout ports, the role's own port ({@link WorkerRole#defaultHttpPort()})
 * @param identityPort the dev identity provider; its issuer is {@code http://127.0.0.1:<identityPort>}
 * @param webPort the web pages (storefront and operator console)
 */
public record EmbeddedSettings(int temporalPort, int gatewayPort, int stockPort, int paymentPort, int deliveryPort,
        int checkoutPort, int identityPort, int webPort) {

    public static EmbeddedSettings defaults() {
        return new EmbeddedSettings(
                intSetting("orderflow.embedded.temporal-port", "ORDERFLOW_EMBEDDED_TEMPORAL_PORT", 7233),
                intSetting("orderflow.embedded.gateway-port", "ORDERFLOW_EMBEDDED_GATEWAY_PORT", 8080),
                intSetting("orderflow.embedded.stock-port", "ORDERFLOW_EMBEDDED_STOCK_PORT",
                        WorkerRole.STOCK.defaultHttpPort()),
                intSetting("orderflow.embedded.payment-port", "ORDERFLOW_EMBEDDED_PAYMENT_PORT",
                        WorkerRole.PAYMENT.defaultHttpPort()),
                intSetting("orderflow.embedded.delivery-port", "ORDERFLOW_EMBEDDED_DELIVERY_PORT",
                        WorkerRole.DELIVERY.defaultHttpPort()),
                intSetting("orderflow.embedded.checkout-port", "ORDERFLOW_EMBEDDED_CHECKOUT_PORT",
                        WorkerRole.CHECKOUT.defaultHttpPort()),
                intSetting("orderflow.embedded.identity-port", "ORDERFLOW_EMBEDDED_IDENTITY_PORT", 9000),
                intSetting("orderflow.embedded.web-port", "ORDERFLOW_EMBEDDED_WEB_PORT", 8090));
    }

    private static int intSetting(String property, String env, int fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    public String temporalTarget() {
        return "127.0.0.1:" + temporalPort;
    }

    public String issuer() {
        return "http://127.0.0.1:" + identityPort;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public String webUrl() {
        return "http://127.0.0.1:" + webPort;
    }
}

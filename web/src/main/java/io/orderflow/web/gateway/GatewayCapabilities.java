package io.orderflow.web.gateway;

import io.orderflow.web.WebProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What the gateway this console talks to can do, read from its OpenAPI document (which states
 * exactly what it has): a filter or an action appears on a page only when the gateway offers it,
 * so a console never sends a filter that an older gateway would silently ignore. Read again after
 * a while ({@code capabilities-fresh-for}), so a gateway upgraded underneath shows its new features
 * without a restart.
 */
@Component
public class GatewayCapabilities {

    private static final Logger log = LoggerFactory.getLogger(GatewayCapabilities.class);
    private final RestClient gateway;
    private final Duration freshFor;
    private final Clock clock = Clock.systemUTC();
    private volatile JsonNode document;
    private volatile Instant readAt = Instant.MIN;

    GatewayCapabilities(RestClient gatewayClient, WebProperties web) {
        this.gateway = gatewayClient;
        this.freshFor = web.capabilitiesFreshFor();
    }

    /** {@code GET /api/v1/orders} takes this query parameter. */
    public boolean listsOrdersBy(String parameter) {
        for (JsonNode declared : operation("get", "/api/v1/orders").path("parameters")) {
            if (parameter.equals(declared.path("name").asText(""))) {
                return true;
            }
        }
        return false;
    }

    /** The gateway has this operation, e.g. {@code post /api/v1/orders/{orderId}/resolve}. */
    public boolean has(String method, String path) {
        return !operation(method, path).isMissingNode();
    }

    private JsonNode operation(String method, String path) {
        JsonNode paths = document().path("paths");
        return paths.path(path).path(method);
    }

    private JsonNode document() {
        if (!readAt.plus(freshFor).isAfter(clock.instant())) {
            try {
                document = gateway.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
            } catch (RestClientException | GatewayException unreadable) {
                // Without the document the console offers only what every gateway has.
                log.warn("Cannot read the gateway's OpenAPI document: {}", unreadable.getMessage());
                document = null;
            }
            readAt = clock.instant();
        }
        JsonNode current = document;
        return current == null ? MissingNode.getInstance() : current;
    }
}

package io.orderflow.web;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the pages, under {@code orderflow.web}.
 *
 * @param gatewayUrl the gateway's base address; every page talks to the platform through it
 * @param gatewayTimeout how long one call to the gateway may take
 * @param temporalUiUrl the Temporal Web UI, for the console's "open in Temporal" link; empty: no link
 * @param temporalNamespace the namespace the orders run in, for that link
 * @param timelinePoll how often an order's page asks for its timeline while the order runs
 * @param capabilitiesFreshFor how long what the gateway offers (read from its OpenAPI document) is
 *     trusted before it is read again
 */
@Validated
@ConfigurationProperties("orderflow.web")
public record WebProperties(
        @NotNull @DefaultValue("http://127.0.0.1:8080") URI gatewayUrl,
        @NotNull @DefaultValue("10s") Duration gatewayTimeout,
        @NotNull @DefaultValue("") String temporalUiUrl,
        @NotNull @DefaultValue("default") String temporalNamespace,
        @NotNull @DefaultValue("1s") Duration timelinePoll,
        @NotNull @DefaultValue("1m") Duration capabilitiesFreshFor) {

    /** The Temporal Web UI's page of one workflow, or null when no UI is configured. */
    public String temporalWorkflowUrl(String workflowId) {
        if (temporalUiUrl.isBlank()) {
            return null;
        }
        return temporalUiUrl.replaceAll("/$", "") + "/namespaces/" + temporalNamespace + "/workflows/" + workflowId;
    }
}

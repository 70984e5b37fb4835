package io.orderflow.codecserver;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the codec server, under {@code orderflow.codec-server}.
 *
 * @param allowedOrigins the Web UI origins whose pages may call the codec endpoints from the
 *     browser, with credentials (exact origins: a wildcard cannot be combined with credentials)
 * @param namespaces the Temporal namespaces whose payloads this server encodes and decodes; a
 *     request naming another in {@code X-Namespace} is refused
 */
@Validated
@ConfigurationProperties("orderflow.codec-server")
public record CodecServerProperties(
        @NotEmpty @DefaultValue("http://127.0.0.1:8233") List<String> allowedOrigins,
        @NotEmpty @DefaultValue("default") List<String> namespaces) {
}

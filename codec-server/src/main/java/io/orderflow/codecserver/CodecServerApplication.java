package io.orderflow.codecserver;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The codec server: Temporal's remote codec protocol in front of the payload codec, so the Web UI
 * and the CLI can show operators decrypted payloads. Its own small process, because it is the one
 * place besides the workers and the gateway that holds the keys, and it answers to a different
 * audience (operators' browsers) than either: it can be scaled, exposed and audited on its own,
 * and nothing else is reachable through it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CodecServerApplication {

    /** Its configuration file is {@code codec-server.yml}, so it never shadows another part's. */
    static final String CONFIG_NAME = "codec-server";

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CodecServerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}

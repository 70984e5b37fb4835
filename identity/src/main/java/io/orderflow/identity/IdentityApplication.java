package io.orderflow.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The dev identity provider: an OIDC issuer built on Spring Authorization Server with the dev
 * clients and users of the platform. It exists so that the embedded default and the local stack
 * have real tokens to work with; production points the gateway at its own issuer instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The provider as its process builds it. It reads {@code identity.yml} (not
     * {@code application.yml}, which is the gateway's), so the embedded platform can run both in
     * one JVM without one shadowing the other.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IdentityApplication.class)
                .properties("spring.config.name=identity");
    }
}

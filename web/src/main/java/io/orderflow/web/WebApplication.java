package io.orderflow.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The pages: a storefront for customers and a console for operators, rendered on the server. A
 * backend-for-frontend: people log in at the identity provider, their tokens stay in their server
 * session, and every page reads and changes the platform through the gateway's REST API alone.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The web application as its process builds it. It reads {@code web.yml} (not
     * {@code application.yml}, the gateway's), so the embedded platform runs both in one JVM.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(WebApplication.class)
                .properties("spring.config.name=web");
    }
}

package io.orderflow.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The REST gateway. It owns no order table: orders are checkout workflows, started, queried,
 * updated and listed through the Temporal client. It registers no Temporal worker.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * The gateway application as its process builds it; the embedded platform runs the same
     * builder. The gateway is the only part whose configuration is called {@code application.yml}
     * (workers read {@code worker*.yml}), so the two never shadow each other in one JVM.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GatewayApplication.class);
    }
}

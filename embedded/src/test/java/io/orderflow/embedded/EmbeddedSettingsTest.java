package io.orderflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded platform listens where each process listens by default, so a client, a README or
 * the Temporal CLI pointed at the usual ports finds it. The processes' own configuration is the
 * source; the embedded defaults are a checked copy.
 */
class EmbeddedSettingsTest {

    private final EmbeddedSettings defaults = EmbeddedSettings.defaults();

    @Test
    void theGatewayListensOnTheGatewaysOwnPort() {
        assertThat(defaults.gatewayPort()).isEqualTo(port(yaml("application.yml"), "server.port"));
    }

    @Test
    void theDevIdentityProviderListensOnItsOwnPort() {
        assertThat(defaults.identityPort()).isEqualTo(port(yaml("identity.yml"), "server.port"));
    }

    @Test
    void theWebPagesListenOnTheirOwnPort() {
        assertThat(defaults.webPort()).isEqualTo(port(yaml("web.yml"), "server.port"));
    }

    @Test
    void theTestServerListensWhereTheGatewayAndWorkersLookForTemporal() {
        for (String file : new String[] {"application.yml", "worker.yml"}) {
            String target = yaml(file).getProperty("spring.temporal.connection.target");
            assertThat(target).as(file).endsWith(":" + defaults.temporalPort() + "}");
        }
    }

    private static Properties yaml(String classpathFile) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource(classpathFile));
        Properties properties = factory.getObject();
        assertThat(properties).as(classpathFile + " on the embedded platform's classpath").isNotNull().isNotEmpty();
        return properties;
    }

    private static int port(Properties properties, String key) {
        return Integer.parseInt(properties.getProperty(key));
    }
}

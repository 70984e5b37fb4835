package io.orderflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

/**
 * The pages listen where {@code web.yml} says (8090, management 9090); the stack script, the
 * compose file, the Kubernetes Deployment and the identity provider's registered redirect URI are
 * checked copies of those numbers.
 */
class PortCopiesTest {

    private static final Path REPOSITORY = repository();
    private static final Properties WEB = yaml("web/src/main/resources/web.yml");
    private static final String PORT = WEB.getProperty("server.port");
    private static final String MANAGEMENT_PORT = WEB.getProperty("management.server.port");

    @Test
    void theStackRunsThePagesOnTheirPorts() {
        String stack = read("scripts/stack.sh");
        assertThat(shellVariable(stack, "WEB_PORT")).isEqualTo(PORT);
        assertThat(shellVariable(stack, "WEB_MANAGEMENT_PORT")).isEqualTo(MANAGEMENT_PORT);
    }

    @Test
    void theIdentityProviderSendsPeopleBackToThePagesPort() {
        Properties identity = yaml("identity/src/main/resources/identity.yml");
        assertThat(identity.getProperty("orderflow.identity.confidential-clients.orderflow-pages.redirect-uris[0]"))
                .isEqualTo("http://127.0.0.1:" + PORT + "/login/oauth2/code/orderflow");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeAndKubernetesRunThePagesOnTheirPorts() {
        Map<String, Object> compose = new Yaml().load(read("deploy/compose/compose.yaml"));
        Map<String, Object> web = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("web");
        Map<String, Object> environment = (Map<String, Object>) web.get("environment");
        assertThat(environment).containsEntry("SERVER_PORT", PORT).containsEntry("MANAGEMENT_SERVER_PORT", MANAGEMENT_PORT);

        Map<String, Object> deployment = new Yaml().load(read("deploy/k8s/base/web/deployment.yaml"));
        Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec",
                "containers")).get(0);
        Map<String, Object> ports = new java.util.HashMap<>();
        ((List<Map<String, Object>>) container.get("ports")).forEach(port -> ports.put((String) port.get("name"),
                String.valueOf(port.get("containerPort"))));
        assertThat(ports).containsEntry("http", PORT).containsEntry("management", MANAGEMENT_PORT);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    private static String shellVariable(String script, String name) {
        Matcher setting = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        assertThat(setting.find()).as(name + " is set in the script").isTrue();
        return setting.group(1);
    }

    private static Properties yaml(String file) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new FileSystemResource(REPOSITORY.resolve(file)));
        return factory.getObject();
    }

    private static String read(String file) {
        try {
            return Files.readString(REPOSITORY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/stack.sh"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }
}

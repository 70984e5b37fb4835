package io.orderflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.checkout.OrderSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Facts the code keeps once, in every script, manifest and README that has to repeat them: the
 * custom search attributes ({@link OrderSearchAttributes#ALL}, names and types), the worker roles'
 * HTTP ports ({@link WorkerRole}) and the ports the other processes' own configuration sets. A copy
 * that drifts fails here, naming the file.
 */
class CopiesOfTheCodeTest {

    private static final Path REPOSITORY = repository();

    private static final Pattern STACK_FLAG = Pattern.compile("--search-attribute (\\w+)=(\\w+)");
    private static final Pattern CLI_FLAGS = Pattern.compile("--name (\\w+) --type (\\w+)");
    private static final Pattern PROSE = Pattern.compile(
            "`(\\w+)` \\((Text|Keyword|Int|Double|Bool|Datetime|KeywordList)\\)");
    private static final Pattern STACK_PART_PORT = Pattern.compile("\\b(\\w+)\\) echo (\\d+) ;;");

    @ParameterizedTest
    @ValueSource(strings = {"scripts/stack.sh", "deploy/compose/compose.yaml",
            "deploy/k8s/base/search-attributes-job.yaml", "README.md", "deploy/README.md"})
    void namesExactlyTheSearchAttributesOfTheCode(String file) {
        Set<String> expected = OrderSearchAttributes.ALL.stream()
                .map(key -> key.getName() + "=" + cliType(key.getValueType()))
                .collect(Collectors.toSet());

        assertThat(searchAttributesNamedIn(read(file))).as(file).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(WorkerRole.class)
    void stackShRunsEachWorkerRoleOnItsPort(WorkerRole role) {
        Map<String, Integer> ports = new HashMap<>();
        Matcher part = STACK_PART_PORT.matcher(read("scripts/stack.sh"));
        while (part.find()) {
            ports.put(part.group(1), Integer.parseInt(part.group(2)));
        }

        assertThat(ports).as("scripts/stack.sh http_port").containsEntry(role.profile(), role.defaultHttpPort());
    }

    @ParameterizedTest
    @EnumSource(WorkerRole.class)
    void composeRunsEachWorkerRoleOnItsPort(WorkerRole role) {
        Map<String, Object> worker = composeServices().values().stream()
                .map(CopiesOfTheCodeTest::environment)
                .filter(environment -> role.profile().equals(environment.get("ORDERFLOW_WORKER_ROLES")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + role.profile() + " worker in compose.yaml"));

        assertThat(worker.get("SERVER_PORT")).as("compose.yaml " + role.profile())
                .hasToString(String.valueOf(role.defaultHttpPort()));
    }

    @ParameterizedTest
    @EnumSource(WorkerRole.class)
    void kubernetesRunsEachWorkerRoleOnItsPort(WorkerRole role) {
        // The checkout worker's manifest is the template every version of it is made from.
        String file = role == WorkerRole.CHECKOUT ? "deploy/k8s/base/workers/checkout/version/worker.yaml"
                : "deploy/k8s/base/workers/" + role.profile() + ".yaml";
        Map<String, Object> container = container(deployment(file));
        String port = String.valueOf(role.defaultHttpPort());

        assertThat(env(container, "SERVER_PORT")).as(file + " SERVER_PORT").isEqualTo(port);
        assertThat(containerPort(container, "http")).as(file + " containerPort http").hasToString(port);
    }

    @Test
    void scriptsAndManifestsRunTheGatewayIdentityAndCodecServerOnTheirConfiguredPorts() {
        Map<String, Object> gateway = yaml("gateway/src/main/resources/application.yml");
        String apiPort = String.valueOf(at(gateway, "server", "port"));
        String managementPort = String.valueOf(at(gateway, "management", "server", "port"));
        String identityPort = placeholderDefault(at(yaml("identity/src/main/resources/identity.yml"), "server", "port"));
        String codecPort = String.valueOf(at(yaml("codec-server/src/main/resources/codec-server.yml"), "server", "port"));
        String stack = read("scripts/stack.sh");
        Map<String, Object> k8sGateway = container(deployment("deploy/k8s/base/gateway/deployment.yaml"));

        assertThat(shellVariable(stack, "GATEWAY_PORT")).as("stack.sh GATEWAY_PORT").isEqualTo(apiPort);
        assertThat(shellVariable(stack, "GATEWAY_MANAGEMENT_PORT")).as("stack.sh GATEWAY_MANAGEMENT_PORT")
                .isEqualTo(managementPort);
        assertThat(shellVariable(stack, "IDENTITY_PORT")).as("stack.sh IDENTITY_PORT").isEqualTo(identityPort);
        assertThat(shellVariable(stack, "CODEC_PORT")).as("stack.sh CODEC_PORT").isEqualTo(codecPort);
        assertThat(environment(composeServices().get("gateway")).get("SERVER_PORT")).as("compose.yaml gateway")
                .hasToString(apiPort);
        assertThat(env(k8sGateway, "SERVER_PORT")).as("gateway deployment SERVER_PORT").isEqualTo(apiPort);
        assertThat(env(k8sGateway, "MANAGEMENT_SERVER_PORT")).as("gateway deployment MANAGEMENT_SERVER_PORT")
                .isEqualTo(managementPort);
        assertThat(readmePortsRow()).as("README's SERVER_PORT row")
                .contains("gateway " + apiPort, "codec server " + codecPort, "dev identity provider " + identityPort);
    }

    @ParameterizedTest
    @EnumSource(WorkerRole.class)
    void theReadmeNamesEachWorkerRolesPort(WorkerRole role) {
        assertThat(readmePortsRow()).contains(role.profile() + " " + role.defaultHttpPort());
    }

    private static String readmePortsRow() {
        return read("README.md").lines().filter(line -> line.startsWith("| `SERVER_PORT`")).findFirst().orElseThrow();
    }

    /** Every name=type pair in any of the notations the files use: CLI flags, dev-server flags, prose. */
    private static Set<String> searchAttributesNamedIn(String text) {
        // YAML list items and shell line continuations read as one line of words.
        String flat = text.replaceAll("(?m)^\\s*-\\s+", " ").replace("\\", " ").replaceAll("\\s+", " ");
        return List.of(STACK_FLAG, CLI_FLAGS, PROSE).stream()
                .flatMap(pattern -> pattern.matcher(flat).results())
                .map(match -> match.group(1) + "=" + match.group(2))
                .collect(Collectors.toSet());
    }

    /** The Temporal CLI's name of a type: INDEXED_VALUE_TYPE_KEYWORD_LIST is KeywordList. */
    private static String cliType(IndexedValueType type) {
        return Arrays.stream(type.name().replace("INDEXED_VALUE_TYPE_", "").split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() {
        return (Map<String, Map<String, Object>>) yaml("deploy/compose/compose.yaml").get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deployment(String file) {
        return StreamSupport.stream(new Yaml().loadAll(read(file)).spliterator(), false)
                .map(document -> (Map<String, Object>) document)
                .filter(document -> document != null && "Deployment".equals(document.get("kind")))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment in " + file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = (List<Map<String, Object>>) at(deployment, "spec", "template", "spec",
                "containers");
        return containers.get(0);
    }

    @SuppressWarnings("unchecked")
    private static String env(Map<String, Object> container, String name) {
        return ((List<Map<String, Object>>) container.get("env")).stream()
                .filter(entry -> name.equals(entry.get("name")))
                .map(entry -> String.valueOf(entry.get("value")))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Object containerPort(Map<String, Object> container, String name) {
        return ((List<Map<String, Object>>) container.get("ports")).stream()
                .filter(port -> name.equals(port.get("name")))
                .map(port -> port.get("containerPort"))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> tree, String... path) {
        Object node = tree;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    /** {@code ${ANY_NAME:9000}} is 9000, a plain value is itself. */
    private static String placeholderDefault(Object value) {
        Matcher placeholder = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(String.valueOf(value));
        return placeholder.matches() ? placeholder.group(1) : String.valueOf(value);
    }

    private static String shellVariable(String script, String name) {
        Matcher assignment = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(script);
        return assignment.find() ? assignment.group(1) : null;
    }

    private static Map<String, Object> yaml(String file) {
        return new Yaml().load(read(file));
    }

    private static String read(String file) {
        try {
            return Files.readString(REPOSITORY.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the first directory up from this module that holds {@code scripts/stack.sh}. */
    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/stack.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the orderflow repository");
        }
        return dir;
    }
}

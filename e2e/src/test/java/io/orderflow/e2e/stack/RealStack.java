package io.orderflow.e2e.stack;

import io.orderflow.e2e.OrderflowClient;
import io.orderflow.identity.testing.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack that {@code scripts/stack.sh up} runs on this machine: its addresses (the ports as the
 * script sets them, read from it), its service databases (read through the read-only {@code audit}
 * user) and the script's part commands, which the crash tests use to kill and restart parts. The
 * suite never starts the stack itself: it fails with the command to run when the stack is not up.
 */
final class RealStack {

    private static final String STACK_SCRIPT = readStackScript();

    static final URI GATEWAY = URI.create("http://127.0.0.1:" + stackSetting("GATEWAY_PORT"));
    /** The second gateway, which {@code stack.sh scale-out} starts. */
    static final URI GATEWAY2 = URI.create("http://127.0.0.1:" + stackSetting("GATEWAY2_PORT"));
    /** The web pages (storefront and operator console). */
    static final URI WEB = URI.create("http://127.0.0.1:" + stackSetting("WEB_PORT"));
    /** The Temporal Web UI server; operators log in at the identity provider. */
    static final URI TEMPORAL_UI = URI.create("http://127.0.0.1:" + stackSetting("TEMPORAL_UI_PORT"));
    /** The Temporal dev server's frontend (gRPC). */
    static final String TEMPORAL_ADDRESS = "127.0.0.1:" + stackSetting("TEMPORAL_PORT");
    /** The codec server, over TLS with the run directory's self-signed certificate ({@link #codecCertificate()}). */
    static final URI CODEC = URI.create("https://127.0.0.1:" + stackSetting("CODEC_PORT"));
    /** The dev identity provider the stack runs as its own process; the gateway and stock service trust it. */
    static final URI ISSUER = URI.create("http://127.0.0.1:" + stackSetting("IDENTITY_PORT"));
    static final DevTokens TOKENS = new DevTokens(ISSUER);
    static final int MARIADB_PORT = Integer.parseInt(stackSetting("MARIADB_PORT"));
    /** Zipkin: the stack's trace UI and the API its traces are read through. */
    static final URI ZIPKIN = URI.create("http://127.0.0.1:" + stackSetting("ZIPKIN_PORT"));
    /** Long enough for a restart of the part under test plus the retries of the orders it delays. */
    static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);

    private RealStack() {
    }

    /** The API as the operator (who may act for the scenario's own customer ids). */
    static OrderflowClient client() {
        return client(GATEWAY);
    }

    /** The API of one of the gateways, as the operator. */
    static OrderflowClient client(URI gateway) {
        return new OrderflowClient(gateway, () -> TOKENS.accessToken(DevTokens.OPERATOR));
    }

    /** Whether the stack runs the production Temporal server (its services are parts of their own). */
    static boolean onProductionServer() {
        return Files.isRegularFile(runDirectory().resolve("temporal-history.pid"));
    }

    /** Fails the calling test class, with the command to run, unless every part of the stack is ready. */
    static void assertUp() {
        Path script = repository().resolve("scripts/stack.sh");
        ScriptResult status = run(List.of("status"), Map.of(), Duration.ofSeconds(60));
        if (status.exitCode() != 0) {
            throw new AssertionError("The real stack is not (fully) running, so the stack suite cannot run.\n"
                    + "Build and start it first:  mvn -B -DskipTests package && " + repository().relativize(script)
                    + " up\n" + status.output());
        }
    }

    /** Runs {@code scripts/stack.sh <args>} with extra environment and fails the test if it fails. */
    static String stack(Map<String, String> environment, String... args) {
        ScriptResult result = run(List.of(args), environment, SCRIPT_TIMEOUT);
        if (result.exitCode() != 0) {
            throw new AssertionError("scripts/stack.sh " + String.join(" ", args) + " failed with "
                    + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    static String stack(String... args) {
        return stack(Map.of(), args);
    }

    /** A JDBC connection to one service database, as the read-only audit user that {@code up} created. */
    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + MARIADB_PORT + "/" + name
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC", "audit",
                credentials().getProperty("audit_password"));
    }

    /** The secret the stack's carrier webhook checks signatures with (the run directory's credentials). */
    static String carrierWebhookSecret() {
        return credentials().getProperty("carrier_webhook_secret");
    }

    /** The text of {@code path} on a worker's or the gateway's HTTP port (e.g. its Prometheus page). */
    static String httpGet(URI uri) {
        HttpResponse<String> response = OrderflowClient.sendRaw(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A worker part's management port: its HTTP port in {@code stack.sh} plus 1000 ({@code management_port} there). */
    static int workerManagementPort(String part) {
        Matcher port = Pattern.compile("\\b" + part + "\\) echo (\\d+) ;;").matcher(STACK_SCRIPT);
        if (!port.find()) {
            throw new AssertionError("scripts/stack.sh names no HTTP port for part " + part);
        }
        return Integer.parseInt(port.group(1)) + 1000;
    }

    /**
     * The build id the stack's checkout worker registers by default: the newest version the
     * Kubernetes manifests deploy ({@code deployed_build_id} in {@code stack.sh}).
     */
    static String checkoutBuildId() {
        try (var versions = Files.list(repository().resolve("deploy/k8s/base/workers/checkout/versions"))) {
            return versions.map(path -> path.getFileName().toString())
                    .max(RealStack::compareVersionNames)
                    .orElseThrow(() -> new AssertionError("no version under deploy/k8s/base/workers/checkout/versions"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version directory names such as {@code 0-10-0} compared number by number, as {@code sort -V} does. */
    private static int compareVersionNames(String left, String right) {
        String[] a = left.split("-");
        String[] b = right.split("-");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = a[i].matches("\\d+") && b[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i])) : a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** A {@code NAME=value} setting at the top of {@code scripts/stack.sh}. */
    private static String stackSetting(String name) {
        Matcher setting = Pattern.compile("(?m)^" + name + "=(\\S+)$").matcher(STACK_SCRIPT);
        if (!setting.find()) {
            throw new AssertionError("scripts/stack.sh sets no " + name);
        }
        return setting.group(1);
    }

    private static String readStackScript() {
        try {
            return Files.readString(repository().resolve("scripts/stack.sh"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the e2e module's parent, found by walking up to {@code scripts/stack.sh}. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/stack.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("scripts/stack.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The codec server's certificate (PEM) that {@code stack.sh} made for this run directory. */
    static Path codecCertificate() {
        return runDirectory().resolve("codec/codec.pem");
    }

    /** A part's log file ({@code scripts/stack.sh logs <part>} shows its tail). */
    static Path log(String part) {
        return runDirectory().resolve("logs/" + part + ".log");
    }

    /** The Temporal CLI the stack runs (on PATH, or built into the cache by the install script). */
    static Path temporalCli() {
        ScriptResult found = command(List.of("bash", repository().resolve("scripts/stack/install-temporal-cli.sh").toString()),
                Map.of(), SCRIPT_TIMEOUT);
        if (found.exitCode() != 0) {
            throw new AssertionError("scripts/stack/install-temporal-cli.sh failed:\n" + found.output());
        }
        String[] lines = found.output().strip().split("\n");
        return Path.of(lines[lines.length - 1].strip());
    }

    /** Runs a command (output and errors together) with extra environment; a timeout is exit code -1. */
    static ScriptResult command(List<String> command, Map<String, String> environment, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository().toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return runProcess(builder, timeout);
    }

    static Path runDirectory() {
        String override = System.getenv("ORDERFLOW_STACK_DIR");
        return override != null && !override.isBlank() ? Path.of(override) : repository().resolve(".run/stack");
    }

    /** The payload encryption key (Base64) every JVM of the stack shares, under key id {@code stack}. */
    static String payloadKey() {
        return credentials().getProperty("payload_key");
    }

    private static Properties credentials() {
        Path file = runDirectory().resolve("credentials.env");
        Properties properties = new Properties();
        try {
            properties.load(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("no " + file + ": start the stack with scripts/stack.sh up", e);
        }
        return properties;
    }

    record ScriptResult(int exitCode, String output) {
    }

    private static ScriptResult run(List<String> args, Map<String, String> environment, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(repository().resolve("scripts/stack.sh").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository().toFile()).redirectErrorStream(true);
        // The parts inherit this environment: keep one test's chaos settings out of the next start.
        builder.environment().keySet().removeIf(key -> key.startsWith("ORDERFLOW_PAYMENT_SIMULATOR_"));
        builder.environment().putAll(environment);
        return runProcess(builder, timeout);
    }

    private static ScriptResult runProcess(ProcessBuilder builder, Duration timeout) {
        try {
            // Output goes to a file, not a pipe: reading a pipe could block past the timeout.
            Path output = Files.createTempFile("stack-sh-", ".log");
            try {
                Process process = builder.redirectOutput(output.toFile()).start();
                process.getOutputStream().close();
                boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly();
                }
                String text = Files.readString(output);
                return finished ? new ScriptResult(process.exitValue(), text) : new ScriptResult(-1, "timed out after " + timeout + "\n" + text);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

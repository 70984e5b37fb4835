package io.orderflow.worker;

import static org.awaitility.Awaitility.await;

import io.orderflow.testing.TestEncryption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real payment worker: a separate JVM started from this test's class path with
 * {@link WorkerApplication}'s main, configured only through environment variables, as in a pod.
 */
final class PaymentWorkerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int httpPort;

    private PaymentWorkerProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /** A worker whose provider takes {@code slowCharge} to approve {@code tok_slow}. */
    static PaymentWorkerProcess start(String temporalTarget, String jdbcUrl, String user, String password,
            int httpPort, Duration shutdownGrace, Duration slowCharge) {
        try {
            Path log = Files.createTempFile("payment-worker-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    WorkerApplication.class.getName()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ORDERFLOW_WORKER_ROLES", "payment");
            builder.environment().put("TEMPORAL_ADDRESS", temporalTarget);
            builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
            builder.environment().put("SPRING_DATASOURCE_USERNAME", user);
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", password);
            builder.environment().put("SERVER_PORT", Integer.toString(httpPort));
            // One free port for this test process: actuator on the HTTP port (its own port in production).
            builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(httpPort));
            builder.environment().put("ORDERFLOW_WORKER_SHUTDOWN_GRACE", shutdownGrace.toMillis() + "ms");
            builder.environment().put("ORDERFLOW_PAYMENT_SIMULATOR_SLOW_TOKEN_DELAY", slowCharge.toMillis() + "ms");
            builder.environment().putAll(TestEncryption.environment());
            return new PaymentWorkerProcess(builder.start(), log, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until readiness says the worker polls its task queue and reaches its database; a worker
     * that dies or never gets there is stopped, so no test leaves it behind.
     */
    void awaitReady(Duration atMost) {
        URI readiness = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness");
        try {
            await().dontCatchUncaughtExceptions().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("payment worker died during start-up:\n" + logTail());
                }
                return Probes.status(readiness) == 200;
            });
        } catch (ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("payment worker not ready within " + atMost + ":\n" + logTail(), e);
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** The Temporal identity this worker polls with (the SDK's default: {@code pid@host}) starts with this. */
    String identityPrefix() {
        return process.pid() + "@";
    }

    /** Sends SIGTERM, as Kubernetes does when it stops a pod. */
    void terminate() {
        process.destroy();
    }

    boolean awaitExit(Duration atMost) throws InterruptedException {
        return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

package io.orderflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.TestEncryption;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In a cluster a worker pod often starts before the Temporal frontend answers. The worker must
 * neither die nor claim to be ready: it reports not-ready, retries with backoff, and becomes ready
 * once the server is there.
 */
class WorkerStartupTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aWorkerStartedBeforeTemporalStaysUpNotReadyAndBecomesReadyOnceTheServerAnswers() throws Exception {
        int temporalPort = freePort();
        try (ConfigurableApplicationContext worker = WorkerApplication.application(WorkerRoles.of(WorkerRole.CHECKOUT), Map.of())
                .run(TestEncryption.springArgs("--server.port=0", "--management.server.port=0",
                        "--spring.temporal.connection.target=127.0.0.1:" + temporalPort,
                        "--orderflow.worker.connect-backoff-max=500ms"))) {
            URI readiness = URI.create("http://127.0.0.1:" + worker.getEnvironment().getProperty("local.management.port")
                    + "/actuator/health/readiness");
            URI liveness = readiness.resolve("/actuator/health/liveness");
            URI apiPort = URI.create("http://127.0.0.1:" + worker.getEnvironment().getProperty("local.server.port")
                    + "/actuator/health/liveness");
            Thread.sleep(1500);

            assertThat(status(apiPort)).as("probes live on the management port only").isEqualTo(404);

            assertThat(status(liveness)).as("alive while Temporal is down").isEqualTo(200);
            assertThat(status(readiness)).as("not ready while Temporal is down").isEqualTo(503);

            try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(temporalPort, false)) {
                assertThat(awaitStatus(readiness, 200, Duration.ofSeconds(20))).as("ready once Temporal answers").isTrue();
            }
        }
    }

    private boolean awaitStatus(URI uri, int expected, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(uri) == expected) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private int status(URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.orderflow.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.testing.TestEncryption;
import io.temporal.testserver.TestServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In a cluster a worker pod often starts before the Temporal frontend answers. The worker must
 * neither die nor claim to be ready: it reports not-ready, retries with backoff, and becomes ready
 * once the server is there.
 */
class WorkerStartupTest {

    /** Three times the connect backoff below: the worker has failed to connect more than once. */
    private static final Duration WHILE_TEMPORAL_IS_DOWN = Duration.ofMillis(1500);

    @Test
    void aWorkerStartedBeforeTemporalStaysUpNotReadyAndBecomesReadyOnceTheServerAnswers() {
        int temporalPort = Ports.free();
        try (ConfigurableApplicationContext worker = WorkerApplication.application(WorkerRoles.of(WorkerRole.CHECKOUT))
                .run(TestEncryption.springArgs("--server.port=0", "--management.server.port=0",
                        "--spring.temporal.connection.target=127.0.0.1:" + temporalPort,
                        "--orderflow.worker.connect-backoff-max=500ms"))) {
            URI readiness = URI.create("http://127.0.0.1:" + worker.getEnvironment().getProperty("local.management.port")
                    + "/actuator/health/readiness");
            URI liveness = readiness.resolve("/actuator/health/liveness");
            URI apiPort = URI.create("http://127.0.0.1:" + worker.getEnvironment().getProperty("local.server.port")
                    + "/actuator/health/liveness");

            assertThat(Probes.status(apiPort)).as("probes live on the management port only").isEqualTo(404);
            await("alive and not ready for as long as Temporal is down").dontCatchUncaughtExceptions()
                    .during(WHILE_TEMPORAL_IS_DOWN).atMost(WHILE_TEMPORAL_IS_DOWN.plusSeconds(2))
                    .until(() -> Probes.status(liveness) == 200 && Probes.status(readiness) == 503);

            try (TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(temporalPort, false)) {
                await("ready once Temporal answers").dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20))
                        .until(() -> Probes.status(readiness) == 200);
            }
        }
    }
}

package io.orderflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.TestEncryption;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Operators size a worker through configuration; the Temporal worker must actually get those limits. */
class WorkerTuningTest {

    @Test
    void configuredConcurrencyLimitsReachTheTemporalWorkerOfTheRole() {
        // Nothing listens on port 1: the worker is built but never polls, which is all this test needs.
        try (ConfigurableApplicationContext worker = WorkerApplication.application(WorkerRoles.of(WorkerRole.CHECKOUT))
                .run(TestEncryption.springArgs("--server.port=0", "--spring.temporal.connection.target=127.0.0.1:1",
                        "--orderflow.worker.tuning.max-concurrent-activities=7",
                        "--orderflow.worker.tuning.max-concurrent-workflow-tasks=11",
                        "--orderflow.worker.tuning.workflow-pollers=3"))) {
            WorkerOptions options = worker.getBean(WorkerFactory.class).getWorker("checkout").getWorkerOptions();

            assertThat(options.getMaxConcurrentActivityExecutionSize()).isEqualTo(7);
            assertThat(options.getMaxConcurrentWorkflowTaskExecutionSize()).isEqualTo(11);
            assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(3);
        }
    }
}

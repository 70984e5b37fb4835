package io.orderflow.bench.ceiling;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The bare-Temporal ceiling on the same server as the checkout: {@code users} clients, each
 * starting a {@link CeilingWorkflow} and waiting for its end, then the next, for {@code duration}
 * seconds (the closed workload of the Gatling simulation, with Temporal's own client instead of
 * the REST API). Workers for the workflow and the three activity queues run in this JVM. Prints
 * one JSON line: completed workflows per second and start → end latency percentiles.
 *
 * <pre>mvn -B -f bench/pom.xml -q exec:java -Dtemporal=127.0.0.1:7233 -Dusers=16 -Dduration=60</pre>
 */
public final class CeilingRun {

    public static void main(String[] args) throws Exception {
        String target = System.getProperty("temporal", "127.0.0.1:7233");
        int users = Integer.parseInt(System.getProperty("users", "16"));
        Duration duration = Duration.ofSeconds(Long.parseLong(System.getProperty("duration", "60")));

        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        WorkflowClient client = WorkflowClient.newInstance(service);
        WorkerFactory workers = WorkerFactory.newInstance(client);
        workers.newWorker(CeilingWorkflow.TASK_QUEUE).registerWorkflowImplementationTypes(CeilingWorkflowImpl.class);
        for (String taskQueue : NoOpActivity.TASK_QUEUES) {
            workers.newWorker(taskQueue).registerActivitiesImplementations((NoOpActivity) () -> { });
        }
        workers.start();

        // Warm-up: the first workflows pay for class loading and connection set-up.
        runFor(client, users, Duration.ofSeconds(5));
        long started = System.nanoTime();
        List<Long> latencies = runFor(client, users, duration);
        double seconds = (System.nanoTime() - started) / 1e9;

        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        service.shutdown();
        Collections.sort(latencies);
        System.out.printf("{\"users\": %d, \"completed\": %d, \"completed_per_s\": %.1f, "
                        + "\"p50_ms\": %d, \"p95_ms\": %d, \"p99_ms\": %d}%n",
                users, latencies.size(), latencies.size() / seconds,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99));
        System.exit(0);
    }

    private static List<Long> runFor(WorkflowClient client, int users, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int user = 0; user < users; user++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    client.newWorkflowStub(CeilingWorkflow.class, WorkflowOptions.newBuilder()
                            .setTaskQueue(CeilingWorkflow.TASK_QUEUE)
                            .setWorkflowId("ceiling-" + UUID.randomUUID())
                            .build()).run();
                    latencies.add((System.nanoTime() - start) / 1_000_000);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
        return new ArrayList<>(latencies);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}

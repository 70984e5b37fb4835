package io.orderflow.worker;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the Temporal workers and drains them on shutdown.
 *
 * <p>Start: the starter's own start-up is switched off ({@code spring.temporal.start-workers=false})
 * because it fails the process when Temporal is not reachable yet. Here a background thread retries
 * with exponential backoff, so a worker may start before the server (as happens in any cluster).
 *
 * <p>Stop: on SIGTERM Spring stops lifecycles before it destroys beans; this one stops polling,
 * lets in-flight tasks finish within {@link WorkerSettings#shutdownGrace()} and only then lets the
 * context close the database pool. The starter alone would shut down without waiting.
 */
@Component
class TemporalWorkerLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TemporalWorkerLifecycle.class);

    private final WorkerFactory workerFactory;
    private final WorkerSettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean workersStarted = new AtomicBoolean();
    private volatile Thread starter;

    TemporalWorkerLifecycle(WorkerFactory workerFactory, WorkerSettings settings) {
        this.workerFactory = workerFactory;
        this.settings = settings;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            Thread thread = new Thread(this::startWithBackoff, "temporal-worker-starter");
            thread.setDaemon(true);
            starter = thread;
            thread.start();
        }
    }

    private void startWithBackoff() {
        Duration wait = settings.connectBackoffInitial();
        while (running.get()) {
            try {
                workerFactory.start();
                workersStarted.set(true);
                log.info("Temporal workers started, polling {}", settings.roles());
                return;
            } catch (RuntimeException e) {
                log.warn("Temporal not reachable yet ({}); retrying in {}", e.getMessage(), wait);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(settings.connectBackoffMax()) > 0
                        ? settings.connectBackoffMax() : wait.multipliedBy(2);
            }
        }
    }

    /** True once the workers poll their task queues; readiness depends on it. */
    boolean workersStarted() {
        return workersStarted.get() && !workerFactory.isShutdown();
    }

    @Override
    public void stop() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        Thread pending = starter;
        if (pending != null) {
            pending.interrupt();
        }
        if (!workersStarted.get()) {
            return;
        }
        long began = System.nanoTime();
        log.info("Draining Temporal workers: no new tasks, up to {} for in-flight ones", settings.shutdownGrace());
        workerFactory.shutdown();
        workerFactory.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Temporal workers stopped after {} ms (terminated: {})",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), workerFactory.isTerminated());
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Stop first: before the web server and long before the database pool is closed. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}

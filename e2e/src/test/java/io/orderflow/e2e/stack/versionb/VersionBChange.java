package io.orderflow.e2e.stack.versionb;

import io.temporal.common.interceptors.WorkerInterceptor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * "Version B" of the checkout worker for the real-stack rollout test: the same build plus one
 * incompatible workflow change ({@link TimerBeforeTheFirstStep}). The test puts this package on
 * the second checkout worker's class path (Spring Boot's {@code loader.path}) together with an
 * auto-configuration imports file naming this class; nothing else ever loads it.
 */
@AutoConfiguration
public class VersionBChange {

    /** The Temporal starter adds every {@link WorkerInterceptor} bean to the worker factory. */
    @Bean
    WorkerInterceptor timerBeforeTheFirstStep() {
        return new TimerBeforeTheFirstStep();
    }
}

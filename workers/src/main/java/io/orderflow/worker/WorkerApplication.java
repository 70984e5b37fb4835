package io.orderflow.worker;

import io.orderflow.worker.migration.DatabaseMigration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The worker process. Which role(s) it runs comes from {@code ORDERFLOW_WORKER_ROLES} (or the
 * {@code --orderflow.worker.roles=} argument); everything else is ordinary Spring configuration.
 * Only this package is component-scanned: the services come in through their own configuration
 * classes, so a stock process never loads payment beans.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

    /** Config files are {@code worker.yml} and {@code worker-<role>.yml}. */
    static final String CONFIG_NAME = "worker";
    static final String ROLES_ENV = "ORDERFLOW_WORKER_ROLES";
    static final String ROLES_ARG = "--orderflow.worker.roles=";

    public static void main(String[] args) {
        if (DatabaseMigration.requested(args)) {
            // The image's "migrate" command: the role's schema changes, then exit (see DatabaseMigration).
            DatabaseMigration.run(rolesFrom(args), Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        application(rolesFrom(args)).run(args);
    }

    /** The Spring application for a process of these roles; the embedded platform runs the same. */
    public static SpringApplicationBuilder application(WorkerRoles roles) {
        Map<String, Object> defaults = new LinkedHashMap<>(roles.defaultProperties());
        defaults.put("spring.config.name", CONFIG_NAME);
        defaults.put("server.port", roles.defaultHttpPort());
        return new SpringApplicationBuilder(WorkerApplication.class)
                .sources(roles.serviceConfigurations())
                .profiles(roles.profiles())
                .properties(defaults);
    }

    static WorkerRoles rolesFrom(String[] args) {
        String fromArgs = Arrays.stream(args).filter(a -> a.startsWith(ROLES_ARG))
                .map(a -> a.substring(ROLES_ARG.length())).reduce((a, b) -> b).orElse(null);
        return WorkerRoles.parse(fromArgs != null ? fromArgs : System.getenv(ROLES_ENV));
    }
}

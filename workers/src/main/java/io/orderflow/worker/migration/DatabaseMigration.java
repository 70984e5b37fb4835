package io.orderflow.worker.migration;

import io.orderflow.worker.WorkerRole;
import io.orderflow.worker.WorkerRoles;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker image's {@code migrate} command: runs the Flyway migrations of the role's service
 * database and exits, so that in Kubernetes the schema is changed by a container of its own (an
 * init container) that alone holds the migration user's credentials, while the worker container
 * runs with {@code spring.flyway.enabled=false} and its runtime user only.
 *
 * <p>Nothing but a DataSource and Flyway is started: no Temporal client, no web server, no payload
 * keys. Settings are the worker's usual ones ({@code SPRING_DATASOURCE_URL},
 * {@code SPRING_FLYWAY_USER}, {@code SPRING_FLYWAY_PASSWORD}, {@code SPRING_FLYWAY_LOCATIONS});
 * the service's own defaults (its migration locations) come from {@code orderflow-<service>.properties}.
 */
public final class DatabaseMigration {

    /** The first program argument that selects this command instead of the worker. */
    public static final String COMMAND = "migrate";

    private DatabaseMigration() {
    }

    public static boolean requested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Migrates the database of the one database-owning role among {@code roles}, then closes everything. */
    public static void run(WorkerRoles roles, String... args) {
        WorkerRole role = roles.roles().stream().filter(WorkerRole::ownsDatabase).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("roles " + roles.roles()
                        + " own no database: there is nothing to migrate (set ORDERFLOW_WORKER_ROLES to stock, payment or delivery)"));
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(Migrator.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "spring.config.name", "migrate",
                        "spring.config.import", "classpath:orderflow-" + role.profile() + ".properties",
                        "spring.main.banner-mode", "off",
                        "spring.flyway.enabled", "true"))
                .run(args)) {
            // Flyway migrated while the context started; closing it releases the connection.
        }
    }

    /** A context of a DataSource and Flyway, nothing else. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class Migrator {
    }
}

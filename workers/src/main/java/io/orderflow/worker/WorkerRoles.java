package io.orderflow.worker;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The role(s) one worker process runs, and the Spring settings they imply.
 *
 * <p>A process runs at most one database-owning role, because each service owns its own database
 * and a process has one {@code spring.datasource}. The database-less {@code checkout} role can be
 * combined with any of them. The Temporal workers are declared explicitly, one per role and task
 * queue, instead of by auto-discovery (which would register workers for every queue it sees).
 */
public record WorkerRoles(Set<WorkerRole> roles) {

    /** Auto-configurations a process without a database must not run (JPA and Flyway are on the classpath). */
    private static final List<String> DATABASE_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    public WorkerRoles {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(
                    "no worker role configured: set ORDERFLOW_WORKER_ROLES to checkout, stock, payment or delivery");
        }
        long databaseRoles = roles.stream().filter(WorkerRole::ownsDatabase).count();
        if (databaseRoles > 1) {
            throw new IllegalArgumentException("roles " + roles + " each own a database; run them as separate processes");
        }
        roles = Set.copyOf(roles);
    }

    /** Parses a comma-separated list such as {@code "checkout"} or {@code "checkout,stock"}. */
    public static WorkerRoles parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return new WorkerRoles(Set.of());
        }
        Set<WorkerRole> parsed = EnumSet.noneOf(WorkerRole.class);
        Arrays.stream(commaSeparated.split(",")).filter(s -> !s.isBlank()).map(WorkerRole::parse).forEach(parsed::add);
        return new WorkerRoles(parsed);
    }

    public static WorkerRoles of(WorkerRole... roles) {
        return new WorkerRoles(Set.of(roles));
    }

    private List<WorkerRole> ordered() {
        return roles.stream().sorted().toList();
    }

    /** Configuration classes to load beside the worker infrastructure: the services these roles run. */
    public Class<?>[] serviceConfigurations() {
        return ordered().stream().flatMap(r -> r.serviceConfiguration().stream()).toArray(Class<?>[]::new);
    }

    public String[] profiles() {
        return ordered().stream().map(WorkerRole::profile).toArray(String[]::new);
    }

    public boolean ownsDatabase() {
        return roles.stream().anyMatch(WorkerRole::ownsDatabase);
    }

    /**
     * Lowest-precedence properties derived from the roles: the explicit Temporal worker list and,
     * without a database role, the database auto-configurations switched off.
     */
    public Map<String, Object> defaultProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("orderflow.worker.roles", ordered().stream().map(WorkerRole::profile).collect(Collectors.joining(",")));
        int index = 0;
        for (WorkerRole role : ordered()) {
            String prefix = "spring.temporal.workers[" + index++ + "].";
            properties.put(prefix + "name", role.taskQueue());
            properties.put(prefix + "task-queue", role.taskQueue());
            if (role == WorkerRole.CHECKOUT) {
                for (int i = 0; i < WorkerRole.CHECKOUT_WORKFLOWS.size(); i++) {
                    properties.put(prefix + "workflow-classes[" + i + "]", WorkerRole.CHECKOUT_WORKFLOWS.get(i).getName());
                }
            }
            role.activityBean().ifPresent(bean -> properties.put(prefix + "activity-beans[0]", bean));
        }
        if (!ownsDatabase()) {
            properties.put("spring.autoconfigure.exclude", String.join(",", DATABASE_AUTO_CONFIGURATIONS));
        }
        return properties;
    }

    /** The HTTP port a process of these roles listens on by default (the service role's port wins). */
    public int defaultHttpPort() {
        return ordered().stream().filter(WorkerRole::ownsDatabase).findFirst()
                .orElse(ordered().get(0)).defaultHttpPort();
    }
}

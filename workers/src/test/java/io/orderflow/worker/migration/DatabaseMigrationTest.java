package io.orderflow.worker.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.testing.mariadb.MariaDbExtension;
import io.orderflow.testing.mariadb.MariaDbServer;
import io.orderflow.worker.WorkerRole;
import io.orderflow.worker.WorkerRoles;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The worker image's {@code migrate} command, which Kubernetes runs in an init container with the
 * migration user's credentials: it migrates the role's database and returns, without the Temporal
 * connection, payload keys or web server a worker needs, so the worker itself can run with Flyway off.
 */
@ExtendWith(MariaDbExtension.class)
class DatabaseMigrationTest {

    @ParameterizedTest
    @EnumSource(value = WorkerRole.class, names = {"STOCK", "PAYMENT", "DELIVERY"})
    void migrateBuildsTheRolesSchemaAsTheMigrationUserAndReturns(WorkerRole role, MariaDbServer mariaDb) {
        String database = mariaDb.createDatabase(role.profile() + "_migrate_" + UUID.randomUUID().toString().substring(0, 8));

        // No Temporal address, no encryption keys, no runtime user: a migration needs none of them.
        DatabaseMigration.run(WorkerRoles.of(role),
                "--spring.datasource.url=" + mariaDb.jdbcUrl(database),
                "--spring.flyway.user=" + MariaDbServer.USER,
                "--spring.flyway.password=" + MariaDbServer.PASSWORD);

        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(mariaDb.jdbcUrl(database),
                MariaDbServer.USER, MariaDbServer.PASSWORD));
        List<String> migrated = jdbc.queryForList("SELECT script FROM flyway_schema_history WHERE success = 1"
                + " AND version IS NOT NULL ORDER BY installed_rank", String.class);
        assertThat(migrated).as("the role's own migrations, all of them").isNotEmpty()
                .allSatisfy(script -> assertThat(script).startsWith("V"))
                .anySatisfy(script -> assertThat(script).endsWith("__utf8mb4.sql"));
        assertThat(jdbc.queryForObject("SELECT DISTINCT installed_by FROM flyway_schema_history", String.class))
                .isEqualTo(MariaDbServer.USER);
    }

    @Test
    void theCheckoutRoleOwnsNoDatabaseSoMigrateRefusesWithTheReason() {
        assertThatThrownBy(() -> DatabaseMigration.run(WorkerRoles.of(WorkerRole.CHECKOUT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("own no database");
    }

    @Test
    void onlyAFirstArgumentOfMigrateSelectsTheCommand() {
        assertThat(DatabaseMigration.requested(new String[] {"migrate"})).isTrue();
        assertThat(DatabaseMigration.requested(new String[] {"--server.port=0", "migrate"})).isFalse();
        assertThat(DatabaseMigration.requested(new String[0])).isFalse();
    }
}

package io.orderflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.orderflow.testing.TestEncryption;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.orderflow.testing.mariadb.MariaDbServer;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An activity holds at most one database connection at a time and never across a call to the
 * provider or the carrier, so each service worker needs exactly as many connections as activities it
 * runs at once: fewer and activities queue for the pool while their start-to-close timeout runs,
 * more and the database carries idle connections for nothing. Operators tune only the concurrency.
 */
@ExtendWith(MariaDbExtension.class)
class ServiceRoleConnectionPoolTest {

    @ParameterizedTest
    @EnumSource(value = WorkerRole.class, names = {"STOCK", "PAYMENT", "DELIVERY"})
    void aServiceWorkersConnectionPoolFollowsItsConfiguredActivityConcurrency(WorkerRole role, MariaDbServer mariaDb)
            throws Exception {
        String database = mariaDb.createDatabase(role.name().toLowerCase() + "_pool_" + UUID.randomUUID().toString().substring(0, 8));

        // Nothing listens on port 1: the worker is built but never polls, which is all this test needs.
        try (ConfigurableApplicationContext worker = WorkerApplication.application(WorkerRoles.of(role))
                .run(TestEncryption.springArgs("--server.port=0", "--management.server.port=0",
                        "--spring.temporal.connection.target=127.0.0.1:1",
                        "--spring.datasource.url=" + mariaDb.jdbcUrl(database),
                        "--spring.datasource.username=" + MariaDbServer.USER,
                        "--spring.datasource.password=" + MariaDbServer.PASSWORD,
                        "--orderflow.delivery.carrier.events.enabled=false",
                        "--orderflow.worker.tuning.max-concurrent-activities=7"))) {

            // The metrics proxy wraps the pool; unwrap reaches the pool the activities really use.
            assertThat(worker.getBean(DataSource.class).unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(7);
        }
    }
}

package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's runtime database user may read, insert and update its own rows and nothing more: no
 * delete (no code path of the services deletes a row), no schema change, no other service's database. The schema belongs to a separate migration user, the one
 * Flyway ran as.
 */
class DatabaseLeastPrivilegeTest {

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock", "payment", "delivery"})
    void theRuntimeUserCanOnlyReadAndWriteItsOwnDatabase(String service) throws Exception {
        String other = List.of("stock", "payment", "delivery").stream().filter(s -> !s.equals(service)).findFirst()
                .orElseThrow();
        try (Connection runtime = connect(service, service, password(service + "_password"));
                Statement sql = runtime.createStatement()) {
            try (ResultSet history = sql.executeQuery(
                    "SELECT DISTINCT installed_by FROM flyway_schema_history WHERE installed_rank > 0")) {
                while (history.next()) {
                    assertThat(history.getString(1)).as("who migrated %s", service).isEqualTo(service + "_migrator");
                }
            }
            assertThatThrownBy(() -> sql.execute("CREATE TABLE intruder (id INT)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> sql.execute("DROP TABLE flyway_schema_history"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            assertThatThrownBy(() -> sql.executeQuery("SELECT COUNT(*) FROM `" + other + "`.flyway_schema_history"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
            // No code path of the services deletes a row, so the runtime user may not either.
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM flyway_schema_history WHERE 1 = 0"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock", "payment", "delivery"})
    void theRuntimeUserIsGrantedExactlyReadInsertAndUpdateOnItsOwnDatabaseFromLoopbackOnly(String service)
            throws Exception {
        try (Connection runtime = connect(service, service, password(service + "_password"))) {
            assertThat(currentUser(runtime)).isEqualTo(service + "@127.0.0.1");
            assertThat(privilegeGrants(runtime)).containsExactly(
                    "GRANT SELECT, INSERT, UPDATE ON `" + service + "`.* TO `" + service + "`@`127.0.0.1`");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock", "payment", "delivery"})
    void theMigrationUserMayChangeOnlyItsOwnSchemaAndHoldsNoAllPrivileges(String service) throws Exception {
        String migrator = service + "_migrator";
        try (Connection migration = connect(service, migrator, password(migrator + "_password"))) {
            assertThat(currentUser(migration)).isEqualTo(migrator + "@127.0.0.1");
            assertThat(privilegeGrants(migration)).containsExactly("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, "
                    + "REFERENCES, INDEX, ALTER ON `" + service + "`.* TO `" + migrator + "`@`127.0.0.1`");
        }
    }

    private static String currentUser(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet user = sql.executeQuery("SELECT CURRENT_USER()")) {
            user.next();
            return user.getString(1);
        }
    }

    /** The user's own grants as the server reports them, without the login itself ({@code USAGE ON *.*}). */
    private static List<String> privilegeGrants(Connection connection) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet shown = sql.executeQuery("SHOW GRANTS")) {
            while (shown.next()) {
                String grant = shown.getString(1);
                if (!grant.startsWith("GRANT USAGE ON *.*")) {
                    grants.add(grant);
                }
            }
        }
        return grants;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + RealStack.MARIADB_PORT + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true", user, password);
    }

    private static String password(String key) throws IOException {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(RealStack.runDirectory().resolve("credentials.env"))) {
            credentials.load(reader);
        }
        return credentials.getProperty(key);
    }
}

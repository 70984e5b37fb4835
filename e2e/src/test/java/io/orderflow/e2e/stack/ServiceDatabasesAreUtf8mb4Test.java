package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On the real stack every service database, every table in it and every text column is utf8mb4
 * (a stack made before the databases said so is converted by {@code up} and the migrations), so
 * any Unicode text, emoji included, is stored exactly.
 */
class ServiceDatabasesAreUtf8mb4Test {

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stock", "payment", "delivery"})
    void theDatabaseItsTablesAndItsTextColumnsAreUtf8mb4(String service) throws Exception {
        try (Connection audit = RealStack.database(service)) {
            assertThat(strings(audit, "SELECT default_character_set_name FROM information_schema.schemata"
                    + " WHERE schema_name = ?", service)).containsExactly("utf8mb4");
            assertThat(strings(audit, "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                    + " AND table_name <> 'flyway_schema_history' AND table_collation NOT LIKE 'utf8mb4%'", service))
                    .as("tables that are not utf8mb4").isEmpty();
            assertThat(strings(audit, "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns"
                    + " WHERE table_schema = ? AND table_name <> 'flyway_schema_history'"
                    + " AND character_set_name IS NOT NULL AND character_set_name <> 'utf8mb4'", service))
                    .as("text columns that are not utf8mb4").isEmpty();
        }
    }

    private static List<String> strings(Connection connection, String query, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}

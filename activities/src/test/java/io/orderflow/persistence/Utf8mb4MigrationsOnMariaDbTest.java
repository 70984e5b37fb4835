package io.orderflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.testing.UnicodeText;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.orderflow.testing.mariadb.MariaDbServer;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The services' migrations make their tables utf8mb4 on a real MariaDB server whose default is
 * latin1 (MariaDB's own default, and the local stack's databases before they said otherwise), both
 * for a database migrated from scratch and for one whose tables were made the old way.
 */
@ExtendWith(MariaDbExtension.class)
class Utf8mb4MigrationsOnMariaDbTest {

    private static final Map<String, String> LOCATIONS = Map.of(
            "stock", "classpath:db/stock",
            "payment", "classpath:db/payment",
            "delivery", "classpath:db/delivery");

    @ParameterizedTest
    @ValueSource(strings = {"stock", "payment", "delivery"})
    void everyTableAndTextColumnOfAServiceIsUtf8mb4WhateverTheDatabasesDefault(String service, MariaDbServer server) {
        String database = server.createDatabase("utf8mb4_" + service);
        JdbcTemplate jdbc = jdbc(server, database);
        assertThat(jdbc.queryForObject("SELECT @@character_set_database", String.class))
                .as("the database is made the old way").isEqualTo("latin1");

        flyway(server, database, LOCATIONS.get(service), null).migrate();

        assertThat(jdbc.queryForList("""
                SELECT CONCAT(t.table_name, ' ', t.table_collation) FROM information_schema.tables t
                WHERE t.table_schema = ? AND t.table_name <> 'flyway_schema_history'
                  AND t.table_collation <> 'utf8mb4_unicode_ci'""", String.class, database))
                .as("tables whose default is not utf8mb4").isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT CONCAT(c.table_name, '.', c.column_name, ' ', c.character_set_name)
                FROM information_schema.columns c
                WHERE c.table_schema = ? AND c.table_name <> 'flyway_schema_history'
                  AND c.character_set_name IS NOT NULL AND c.character_set_name <> 'utf8mb4'""",
                String.class, database))
                .as("text columns that cannot hold every character").isEmpty();
    }

    @Test
    void aLatin1CatalogMadeTheOldWayIsConvertedWithItsRowsAndKeys(MariaDbServer server) {
        String database = server.createDatabase("utf8mb4_old_stock");
        JdbcTemplate jdbc = jdbc(server, database);
        // The schema and demo catalog as a stack made before this change has them, plus a name
        // latin1 can hold.
        flyway(server, database, "classpath:db/stock,classpath:db/stock-demo", "2").migrate();
        jdbc.update("INSERT INTO product (sku, name, price_cents, currency, available, version)"
                + " VALUES ('OLD-CAFE', 'Café crème', 300, 'EUR', 4, 0)");
        assertThat(columnCharset(jdbc, database, "product", "name")).isEqualTo("latin1");
        assertThatThrownBy(() -> insertProduct(jdbc, "NEW-MUG", UnicodeText.EMOJI))
                .as("what the stack answered 503 for").isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("Incorrect string value");

        flyway(server, database, "classpath:db/stock,classpath:db/stock-demo", null).migrate();

        assertThat(columnCharset(jdbc, database, "product", "name")).isEqualTo("utf8mb4");
        assertThat(name(jdbc, "OLD-CAFE")).isEqualTo("Café crème");
        assertThat(name(jdbc, "LIMITED-POSTER")).isEqualTo("Limited edition poster");
        insertProduct(jdbc, "NEW-MUG", UnicodeText.EMOJI);
        assertThat(name(jdbc, "NEW-MUG")).isEqualTo(UnicodeText.EMOJI);
        // The foreign key dropped for the conversion is back: a line without its reservation is refused.
        assertThatThrownBy(() -> jdbc.update("INSERT INTO reservation_line (order_id, sku, quantity, unit_price_cents)"
                + " VALUES ('no-such-order', 'NEW-MUG', 1, 1250)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void insertProduct(JdbcTemplate jdbc, String sku, String name) {
        jdbc.update("INSERT INTO product (sku, name, price_cents, currency, available, version)"
                + " VALUES (?, ?, 1250, 'EUR', 1, 0)", sku, name);
    }

    private static String name(JdbcTemplate jdbc, String sku) {
        return jdbc.queryForObject("SELECT name FROM product WHERE sku = ?", String.class, sku);
    }

    private static String columnCharset(JdbcTemplate jdbc, String database, String table, String column) {
        return jdbc.queryForObject("SELECT character_set_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? AND column_name = ?", String.class, database, table, column);
    }

    private static JdbcTemplate jdbc(MariaDbServer server, String database) {
        return new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(database), MariaDbServer.USER,
                MariaDbServer.PASSWORD));
    }

    private static Flyway flyway(MariaDbServer server, String database, String locations, String target) {
        var configuration = Flyway.configure()
                .dataSource(server.jdbcUrl(database), MariaDbServer.USER, MariaDbServer.PASSWORD)
                .locations(List.of(locations.split(",")).toArray(String[]::new));
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}

package io.orderflow.testing;

import io.orderflow.persistence.InMemoryDatabase;
import io.orderflow.testing.mariadb.MariaDbServer;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at one service database, on the test MariaDB server or on H2. */
public final class Databases {

    private Databases() {
    }

    public static void mariaDb(DynamicPropertyRegistry registry, String database) {
        mariaDbProperties(database).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same settings as plain properties, for a context a test starts itself (e.g. to simulate a restart). */
    public static Map<String, Object> mariaDbProperties(String database) {
        return Map.of(
                "spring.datasource.url", MariaDbServer.shared().jdbcUrl(database),
                "spring.datasource.username", MariaDbServer.USER,
                "spring.datasource.password", MariaDbServer.PASSWORD,
                "spring.datasource.hikari.maximum-pool-size", "20");
    }

    /** H2 in MySQL mode, as the embedded platform runs the services. */
    public static void h2(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.datasource.url", () -> InMemoryDatabase.url(database));
        registry.add("spring.datasource.username", () -> InMemoryDatabase.USERNAME);
        registry.add("spring.datasource.password", () -> InMemoryDatabase.PASSWORD);
    }
}

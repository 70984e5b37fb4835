package io.orderflow.testing;

import io.orderflow.testing.mariadb.MariaDbServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test context at one service database, on the test MariaDB server or on H2. */
public final class Databases {

    private Databases() {
    }

    public static void mariaDb(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.datasource.url", () -> MariaDbServer.shared().jdbcUrl(database));
        registry.add("spring.datasource.username", () -> MariaDbServer.USER);
        registry.add("spring.datasource.password", () -> MariaDbServer.PASSWORD);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "20");
    }

    /** H2 in MySQL mode, as the embedded platform runs the services. */
    public static void h2(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + database
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }
}

package io.orderflow.persistence;

/**
 * The in-memory H2 database a service runs on in the embedded platform, and in the H2 tests that
 * specify it: MySQL mode with lower-case, case-insensitive names, so the same Flyway migrations and
 * SQL run as on MySQL and MariaDB. Kept until the JVM exits.
 */
public final class InMemoryDatabase {

    public static final String USERNAME = "sa";
    public static final String PASSWORD = "";

    private InMemoryDatabase() {
    }

    public static String url(String database) {
        return "jdbc:h2:mem:" + database
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
    }
}

package io.orderflow.testing.mariadb;

import static org.awaitility.Awaitility.await;

import io.orderflow.identity.testing.DevIdentityProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import java.util.stream.Stream;

/**
 * A throw-away MariaDB server for tests: its own {@code mariadbd} in a temporary data directory on
 * a free loopback port, started once per JVM and stopped (its directory deleted) at JVM exit. It
 * touches no system service and no other data.
 *
 * <p>The server runs with MariaDB's own defaults, latin1 among them, as the local stack's server
 * did: the migrations, not the server's or database's default, must make every table utf8mb4.
 *
 * <p>The databases {@code stock}, {@code payment} and {@code delivery} exist from the start; tests
 * that need isolation create their own with {@link #createDatabase}. Tests connect as user
 * {@value #USER} (password {@value #PASSWORD}) over TCP with mysql-connector-j, as the services do
 * in production.
 *
 * <p>If MariaDB is not installed the first use FAILS with the install command; it never skips, so
 * a green build always means the tests really ran against a database server.
 */
public final class MariaDbServer {

    public static final String USER = "orderflow";
    public static final String PASSWORD = "orderflow";
    public static final String INSTALL_COMMAND = "apt-get update && apt-get install -y mariadb-server";
    public static final List<String> SERVICE_DATABASES = List.of("stock", "payment", "delivery");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static MariaDbServer shared;

    private final Path directory;
    private final int port;
    private final Process process;

    private MariaDbServer(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    /** The JVM-wide server, started on first use. */
    public static synchronized MariaDbServer shared() {
        if (shared == null) {
            shared = start();
            MariaDbServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mariadb-test-server-stop"));
        }
        return shared;
    }

    /**
     * JDBC URL of one database on this server, for {@code spring.datasource.url}: the connection
     * options the services use on the real stack, utf8mb4 included.
     */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC"
                + "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci";
    }

    /** Creates a fresh, empty database (dropping one of that name first). */
    public String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        execute("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
        return name;
    }

    /** Runs administrative statements with the test user (which has all privileges). */
    public void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB statement failed: " + e.getMessage(), e);
        }
    }

    private static MariaDbServer start() {
        Path mariadbd = executable("mariadbd", "/usr/sbin/mariadbd", "/usr/local/sbin/mariadbd");
        Path installDb = executable("mariadb-install-db", "/usr/bin/mariadb-install-db",
                "/usr/local/bin/mariadb-install-db");
        try {
            Path directory = Files.createTempDirectory("orderflow-mariadb-");
            Path data = Files.createDirectories(directory.resolve("data"));
            String user = System.getProperty("user.name");
            run(List.of(installDb.toString(), "--no-defaults", "--datadir=" + data, "--user=" + user,
                    "--auth-root-authentication-method=normal", "--skip-test-db"), directory.resolve("install.log"));
            IllegalStateException lastFailure = null;
            // A free port can be taken by someone else between probing and binding: try a few.
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = DevIdentityProvider.freePort();
                Process process = new ProcessBuilder(mariadbd.toString(), "--no-defaults",
                        "--datadir=" + data, "--socket=" + directory.resolve("mariadb.sock"),
                        "--pid-file=" + directory.resolve("mariadb.pid"), "--port=" + port,
                        "--bind-address=127.0.0.1", "--skip-name-resolve", "--skip-grant-tables",
                        "--user=" + user, "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=32M",
                        "--innodb-flush-log-at-trx-commit=2", "--max-connections=300")
                        .redirectErrorStream(true)
                        .redirectOutput(directory.resolve("mariadbd-" + port + ".log").toFile())
                        .start();
                MariaDbServer server = new MariaDbServer(directory, port, process);
                try {
                    server.awaitReady();
                    server.createUserAndDatabases();
                    return server;
                } catch (IllegalStateException e) {
                    lastFailure = e;
                    server.stopProcess();
                }
            }
            throw lastFailure;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start MariaDB for the tests: " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        try {
            await().dontCatchUncaughtExceptions().atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .ignoreException(SQLException.class)
                    .until(this::acceptsConnections);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("mariadbd did not accept connections within " + STARTUP_TIMEOUT
                    + "; see " + log(), e);
        }
    }

    private boolean acceptsConnections() throws SQLException {
        if (!process.isAlive()) {
            throw new IllegalStateException("mariadbd exited with " + process.exitValue() + "; see " + log());
        }
        try (Connection ignored = DriverManager.getConnection(rootUrl(), "root", "")) {
            return true;
        }
    }

    /**
     * The server starts without grant tables so that root can connect over TCP; FLUSH PRIVILEGES
     * then turns authentication on, and the tests use a real password-authenticated user.
     */
    private void createUserAndDatabases() {
        List<String> statements = new ArrayList<>(List.of(
                "FLUSH PRIVILEGES",
                "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%' WITH GRANT OPTION"));
        SERVICE_DATABASES.forEach(database -> statements.add("CREATE DATABASE " + database));
        try (Connection connection = DriverManager.getConnection(rootUrl(), "root", "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare MariaDB: " + e.getMessage(), e);
        }
    }

    private String rootUrl() {
        return jdbcUrl("");
    }

    private Path log() {
        return directory.resolve("mariadbd-" + port + ".log");
    }

    private void stop() {
        stopProcess();
        deleteRecursively(directory);
    }

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path executable(String name, String... candidates) {
        Stream<Path> onPath = Stream.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(":"))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Paths.get(entry, name));
        return Stream.concat(Stream.of(candidates).map(Paths::get), onPath)
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The tests need a real MariaDB server, but '" + name
                        + "' was not found. Install it with: " + INSTALL_COMMAND));
    }

    private static void run(List<String> command, Path logFile) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile()).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed; output:\n" + Files.readString(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while initialising MariaDB", e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort: the directory is in the system's temporary area
        }
    }
}

package io.orderflow.testing.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MariaDbExtension.class)
class MariaDbServerTest {

    @Test
    void servesTheThreeServiceDatabasesToAPasswordAuthenticatedUserOverTcp(MariaDbServer server) throws SQLException {
        for (String database : MariaDbServer.SERVICE_DATABASES) {
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database),
                    MariaDbServer.USER, MariaDbServer.PASSWORD);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT DATABASE(), VERSION()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(database);
                assertThat(result.getString(2)).contains("MariaDB");
            }
        }
    }

    @Test
    void refusesAWrongPasswordBecauseAuthenticationIsOn(MariaDbServer server) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(
                server.jdbcUrl("stock"), MariaDbServer.USER, "wrong").close())
                .isInstanceOf(SQLException.class);
    }
}

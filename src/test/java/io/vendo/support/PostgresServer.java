package io.vendo.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A PostgreSQL server the tests create their databases in; {@link PostgresSource} decides which kind. */
public sealed interface PostgresServer extends AutoCloseable {

    /** Every cached Spring context keeps a pool open: leave room for all of them. */
    String MAX_CONNECTIONS = "300";

    /** A JDBC URL of a database on this server, with the credentials of the server's superuser. */
    String jdbcUrl(String database);

    String host();

    int port();

    /** A connection to the maintenance database as the superuser, to create databases and roles. */
    default Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"));
    }

    @Override
    void close();

    static PostgresServer start(PostgresSource source) {
        return switch (source) {
            case EMBEDDED -> Embedded.start();
            case TESTCONTAINERS -> Container.start();
        };
    }

    /** zonky's embedded PostgreSQL: the binaries come from Maven Central, no Docker needed. */
    record Embedded(EmbeddedPostgres server) implements PostgresServer {

        static Embedded start() {
            try {
                return new Embedded(EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", MAX_CONNECTIONS)
                        .setRegisterShutdownHook(false)
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }

        @Override
        public String jdbcUrl(String database) {
            return server.getJdbcUrl("postgres", database);
        }

        @Override
        public String host() {
            return "localhost";
        }

        @Override
        public int port() {
            return server.getPort();
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The official postgres:17 image in a container, through Testcontainers. */
    record Container(PostgreSQLContainer container) implements PostgresServer {

        static final String IMAGE = "postgres:17-alpine";

        static Container start() {
            var container = new PostgreSQLContainer(IMAGE)
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=" + MAX_CONNECTIONS);
            container.start();
            return new Container(container);
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://%s:%d/%s?user=%s&password=%s"
                    .formatted(host(), port(), database, container.getUsername(), container.getPassword());
        }

        @Override
        public String host() {
            return container.getHost();
        }

        @Override
        public int port() {
            return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}

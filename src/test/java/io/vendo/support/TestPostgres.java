package io.vendo.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;

/**
 * One real PostgreSQL 17 server for the whole test run (started once, on first use; embedded or a Testcontainers
 * container, as {@link PostgresSource} decides), and a fresh database in it for every Spring context, so contexts
 * never see each other's rows.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPostgres {

    private static final AtomicInteger databases = new AtomicInteger();
    private static final AtomicInteger openPools = new AtomicInteger();
    private static PostgresServer server;

    @Bean(destroyMethod = "close")
    DataSource dataSource() {
        return newDatabase();
    }

    public static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.start(PostgresSource.chosen());
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::closeContextsThenStop));
        }
        return server;
    }

    /** A new, empty database with its own pool. */
    public static HikariDataSource newDatabase() {
        var name = "vendo_" + databases.incrementAndGet();
        try (var connection = server().admin();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        openPools.incrementAndGet();
        var dataSource = new HikariDataSource() {
            @Override
            public void close() {
                if (!isClosed()) {
                    super.close();
                    openPools.decrementAndGet();
                }
            }
        };
        dataSource.setJdbcUrl(server().jdbcUrl(name));
        dataSource.setMaximumPoolSize(12);
        dataSource.setMinimumIdle(0);
        return dataSource;
    }

    /**
     * At JVM exit, closes the cached Spring contexts first and only then stops the server. Left to separate shutdown
     * hooks, both would stop at once, and contexts closing against a stopped database wait out their pool timeouts.
     */
    private static void closeContextsThenStop() {
        new ContextCacheCloser().closeAll();
        // Spring Boot's own shutdown hook may be closing some of the same contexts right now: wait for their pools.
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (openPools.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.close();
    }

    /** The TestContext framework's shared context cache is reachable through its default loader delegate. */
    private static final class ContextCacheCloser extends DefaultCacheAwareContextLoaderDelegate {
        void closeAll() {
            getContextCache().clear();
        }
    }
}

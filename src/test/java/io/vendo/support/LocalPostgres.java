package io.vendo.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A real PostgreSQL 17 for the local run, kept in a data directory so that requests survive a restart. */
@TestConfiguration(proxyBeanMethods = false)
public class LocalPostgres {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${vendo.local.data-dir:.vendo/postgres}") Path dataDirectory)
            throws IOException {
        Files.createDirectories(dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(Integer.getInteger("vendo.local.postgres-port", 54329))
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}

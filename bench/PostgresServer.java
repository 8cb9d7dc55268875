import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmarks' PostgreSQL: the same embedded PostgreSQL 17 as the tests and the local run (zonky's binaries, so no
 * PostgreSQL installation of the same major version is needed), on a fixed port and a fresh data directory, with its
 * log in {@code <data directory>/log/postgresql.log}. Runs until it is killed (SIGTERM stops the server).
 *
 * <p>Usage: {@code java -cp <test classpath> bench/PostgresServer.java <port> <data directory> [name=value ...]}
 */
public class PostgresServer {

    private static void appendToConfiguration(Path directory, String settings) {
        try {
            Files.writeString(directory.resolve("postgresql.conf"), settings, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        var port = Integer.parseInt(args[0]);
        var data = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(data);
        var builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                // Room for the portal's pool and pgbench's clients.
                .setServerConfig("max_connections", "200")
                // The log goes to a file, one complete entry at a time (the collector never interleaves two
                // backends' lines), each line naming its backend and its virtual transaction: what the capture of one
                // submission's statements reads (bench/SubmitTransaction.java). Written into postgresql.conf after
                // initdb: pg_ctl passes command-line settings on unquoted, so no value may hold a space there.
                .setDataDirectoryCustomizer(directory -> appendToConfiguration(directory.toPath(), """
                        logging_collector = on
                        log_directory = '%s'
                        log_filename = 'postgresql.log'
                        log_line_prefix = '%%m [%%p] %%v '
                        """.formatted(data.resolve("log"))));
        for (int i = 2; i < args.length; i++) {
            var setting = args[i].split("=", 2);
            builder.setServerConfig(setting[0], setting[1]);
        }
        try (var postgres = builder.start()) {
            System.out.println("READY " + postgres.getJdbcUrl("postgres", "postgres"));
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}

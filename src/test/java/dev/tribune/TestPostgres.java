package dev.tribune;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server tests use, found once per test JVM: the machine's server on
 * 127.0.0.1:5432 (trust auth, user postgres, database test), else an embedded one (io.zonky) —
 * except under CI=true, where a missing server fails the tests instead.
 */
final class TestPostgres {
    private static final String MACHINE = System.getProperty("tribune.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static TestPostgres server;

    private final String host;
    private final int port;
    private final String adminUrl;

    private TestPostgres(String host, int port, String adminUrl) {
        this.host = host;
        this.port = port;
        this.adminUrl = adminUrl;
    }

    static synchronized TestPostgres server() {
        if (server == null) server = find();
        return server;
    }

    private static TestPostgres find() {
        try (Connection c = DriverManager.getConnection(MACHINE)) {
            var u = java.net.URI.create(MACHINE.substring("jdbc:".length()));
            TestPostgres pg = new TestPostgres(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), MACHINE);
            System.err.println("TestPostgres: PostgreSQL tests use the server at " + pg.host + ":" + pg.port
                    + " (" + version(c) + ")");
            return pg;
        } catch (SQLException noServer) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no PostgreSQL answers at " + MACHINE
                        + " (" + noServer.getMessage() + "); .ci/prepare should have started one", noServer);
            }
            return embedded(noServer);
        }
    }

    private static TestPostgres embedded(SQLException why) {
        try {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (Exception ignored) {
                    // the JVM is ending; its temporary cluster goes with it
                }
            }));
            String admin = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
            try (Connection c = DriverManager.getConnection(admin)) {
                System.err.println("TestPostgres: no server at " + MACHINE + " (" + why.getMessage()
                        + "); PostgreSQL tests use an embedded server on port " + pg.getPort() + " (" + version(c) + ")");
            }
            return new TestPostgres("127.0.0.1", pg.getPort(), admin);
        } catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL server at " + MACHINE + " and the embedded one did not start: " + e.getMessage(), e);
        }
    }

    private static String version(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    /** A new empty database on this server, dropped when the returned handle closes. */
    TestDatabase.Fresh createDatabase() {
        String name = "tribune_t_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        admin("create database " + name);
        return new TestDatabase.Fresh("postgresql://postgres@" + host + ":" + port + "/" + name,
                () -> admin("drop database if exists " + name + " with (force)"));
    }

    private void admin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl)) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

package dev.tribune;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The databases Tribune's integration tests run on. Each hands out fresh, empty databases;
 * -Dtribune.test.databases=sqlite (or postgresql) narrows a run to one of them.
 */
public enum TestDatabase {
    SQLITE("SQLite"),
    POSTGRESQL("PostgreSQL");

    private final String label;

    TestDatabase(String label) {
        this.label = label;
    }

    /** A new empty database, as a TRIBUNE_DATABASE value; closing it deletes the file or drops the database. */
    public record Fresh(String url, AutoCloseable drop) implements AutoCloseable {
        @Override
        public void close() {
            try {
                drop.close();
            } catch (Exception e) {
                System.err.println("TestDatabase: could not remove " + url + ": " + e.getMessage());
            }
        }
    }

    public Fresh fresh() {
        if (this == POSTGRESQL) return TestPostgres.server().createDatabase();
        try {
            Path dir = Files.createTempDirectory("tribune-test");
            return new Fresh("sqlite:" + dir.resolve("test.db"), () -> {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The databases this run covers: both unless tribune.test.databases names fewer. */
    public static List<TestDatabase> selected() {
        String only = System.getProperty("tribune.test.databases", "").strip().toLowerCase(Locale.ROOT);
        if (only.isEmpty()) return List.of(values());
        return Arrays.stream(values()).filter(d -> Arrays.asList(only.split("\\s*,\\s*")).contains(d.name().toLowerCase(Locale.ROOT))).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}

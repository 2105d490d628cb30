package dev.tribune.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain JDBC on SQLite with kept statements: reused across reads and writes, never giving stale or mixed answers. */
class JdbcTest {
    @TempDir Path dir;

    @Test
    void keptStatementsAnswerFreshlyAfterWritesFailuresAndInsideAnotherOnesRows() throws Exception {
        try (Database db = Database.open("sqlite:" + dir.resolve("plain.db"))) {
            db.update(h -> Jdbc.update(h, "create table probe (n integer primary key, label text)"));
            String count = "select count(*) from probe where n > ?";
            for (int n = 1; n <= 3; n++) {
                int value = n;
                db.update(h -> Jdbc.update(h, "insert into probe (n, label) values (?, ?)", value, value == 2 ? null : "n" + value));
                // The same kept statement on the readers sees every committed write.
                assertThat((long) db.read(h -> Jdbc.one(h, count, 0))).isEqualTo(n);
            }

            // A statement that fails (the same key twice) fails alone; its SQL works again afterwards.
            String insert = "insert into probe (n, label) values (?, ?)";
            assertThatThrownBy(() -> db.update(h -> Jdbc.update(h, insert, 1, "again"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("probe");
            db.update(h -> Jdbc.update(h, insert, 4, "n4"));
            assertThat((long) db.read(h -> Jdbc.one(h, count, 0))).isEqualTo(4);

            // The same SQL run inside another run's row loop gets a statement of its own.
            String label = "select n, label from probe where n >= ? order by n";
            List<String> seen = db.read(h -> Jdbc.list(h, label, rs -> rs.getInt(1) + ":" + rs.getString(2) + "/"
                    + Jdbc.list(h, label, inner -> inner.getInt(1), rs.getInt(1)).size(), 1));
            assertThat(seen).containsExactly("1:n1/4", "2:null/3", "3:n3/2", "4:n4/1");
            java.util.Optional<Long> none = db.read(h -> Jdbc.first(h, label, rs -> Jdbc.longOrNull(rs, 1), 5));
            assertThat(none).isEmpty();

            // Statement watchers see plain statements too.
            List<String> watched = new ArrayList<>();
            try (AutoCloseable watch = db.watchStatements(watched::add)) {
                db.read(h -> Jdbc.one(h, count, 0));
            }
            assertThat(watched).containsExactly(count);
        }
    }
}

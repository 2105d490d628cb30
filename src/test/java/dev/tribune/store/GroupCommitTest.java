package dev.tribune.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite's writer: writes queued together commit in one transaction, and a failing one fails alone. */
class GroupCommitTest {
    @TempDir Path dir;

    @Test
    void writesWaitingTogetherCommitAsOneTransactionAndAFailedOneUndoesOnlyItsOwnRows() throws Exception {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("writes.db"));
        jdbi.useHandle(h -> h.execute("create table probe (n integer primary key)"));
        ExecutorService callers = Executors.newFixedThreadPool(21);
        try (GroupCommit writer = new GroupCommit(jdbi, "test-writer")) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // The first write holds the writer until the others are all queued behind it.
            Future<Integer> first = callers.submit(() -> writer.run(h -> {
                started.countDown();
                await(release);
                return h.createUpdate("insert into probe (n) values (0)").execute();
            }));
            started.await();
            List<Future<Integer>> writes = new ArrayList<>();
            for (int n = 1; n <= 20; n++) {
                int value = n;
                writes.add(callers.submit(() -> writer.run(h -> {
                    h.createUpdate("insert into probe (n) values (?)").bind(0, value).execute();
                    if (value % 5 == 0) throw new IllegalStateException("write " + value + " fails after its insert");
                    // a statement the database refuses: the same key twice
                    if (value == 7) h.createUpdate("insert into probe (n) values (?)").bind(0, value).execute();
                    return value;
                })));
            }
            while (writer.waiting() < 20) Thread.sleep(5);
            long commitsBefore = writer.commits();
            release.countDown();

            assertThat(first.get()).isEqualTo(1);
            for (int n = 1; n <= 20; n++) {
                Future<Integer> f = writes.get(n - 1);
                if (n % 5 == 0) {
                    int value = n;
                    assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).cause()
                            .hasMessage("write " + value + " fails after its insert");
                } else if (n == 7) {
                    assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class);
                } else {
                    assertThat(f.get()).isEqualTo(n);
                }
            }
            // the first write's own transaction, then one for the twenty queued behind it
            assertThat(writer.commits() - commitsBefore).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
        List<Integer> stored = jdbi.withHandle(h -> h.createQuery("select n from probe order by n").mapTo(Integer.class).list());
        assertThat(stored).containsExactlyElementsOf(
                IntStream.rangeClosed(0, 20).filter(n -> n % 5 != 0 || n == 0).filter(n -> n != 7).boxed().toList());
    }

    @Test
    void aWriteThatStartsAnotherWriteIsRefusedInsteadOfWaitingForever() {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("nested.db"));
        try (GroupCommit writer = new GroupCommit(jdbi, "test-writer")) {
            assertThatThrownBy(() -> writer.run(h -> writer.run(inner -> 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("must not start another write");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

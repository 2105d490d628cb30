package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Refusal;
import dev.tribune.moderation.Pipeline;
import dev.tribune.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyset pagination over a real SQLite database: every top-level comment exactly once, replies with their parent. */
class ThreadPagingTest {
    static Database db;
    static long discussion;
    static ThreadReader reader;
    static List<Long> roots = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        Path dir = Files.createTempDirectory("paging");
        db = Database.open("sqlite:" + dir.resolve("t.db"));
        db.update(h -> h.execute("insert into site (host, name, created_at) values ('x', 'X', 0)"));
        discussion = db.write(h -> h.createQuery("insert into discussion (site_id, page_key, created_at) values (1, 'p', 0) returning id").mapTo(Long.class).one());
        CommentWriter w = new CommentWriter(db, Pipeline.standard(), id -> { });
        Votes votes = new Votes(db);
        for (int i = 0; i < 23; i++) {
            Comment c = w.post(new NewComment(discussion, null, "R" + i, null, "root " + i, new Commenter(null, "w" + i, "ip"))).comment();
            roots.add(c.id());
            if (i % 4 == 0) {
                Comment r = w.post(new NewComment(discussion, c.id(), "Reply" + i, null, "reply " + i, new Commenter(null, "x" + i, "ip"))).comment();
                w.post(new NewComment(discussion, r.id(), "Deep" + i, null, "deep " + i, new Commenter(null, "y" + i, "ip")));
            }
            for (int v = 0; v < i % 5; v++) votes.vote(c.id(), 1, new Commenter(null, "voter" + v, "ip" + v));
        }
        reader = new ThreadReader(db);
    }

    @AfterAll
    static void close() { db.close(); }

    List<ThreadPage> all(Sort sort, int size) {
        List<ThreadPage> pages = new ArrayList<>();
        String cursor = null;
        do {
            ThreadPage p = reader.page(discussion, sort, cursor, size, null, null);
            pages.add(p);
            cursor = p.nextCursor();
        } while (cursor != null);
        return pages;
    }

    @Test
    void everyOrderVisitsEachTopLevelCommentOnceWithItsReplies() {
        for (Sort sort : Sort.values()) {
            List<ThreadPage> pages = all(sort, 5);
            assertThat(pages).hasSize(5);
            List<Long> seen = new ArrayList<>();
            for (ThreadPage p : pages) {
                for (CommentNode n : p.comments()) {
                    seen.add(n.comment().id());
                    if (n.comment().authorName().equals("R8")) {
                        assertThat(n.replies()).hasSize(1);
                        assertThat(n.replies().get(0).replies()).extracting(x -> x.comment().authorName()).containsExactly("Deep8");
                    }
                }
            }
            assertThat(seen).hasSize(23);
            assertThat(new HashSet<>(seen)).isEqualTo(Set.copyOf(roots));
        }
    }

    @Test
    void ordersAreOldestNewestAndBest() {
        List<Long> oldest = all(Sort.OLDEST, 50).get(0).comments().stream().map(n -> n.comment().id()).toList();
        assertThat(oldest).isEqualTo(roots);
        List<Long> newest = all(Sort.NEWEST, 50).get(0).comments().stream().map(n -> n.comment().id()).toList();
        assertThat(newest).isEqualTo(roots.reversed());
        List<Integer> scores = all(Sort.BEST, 4).stream().flatMap(p -> p.comments().stream()).map(n -> n.comment().score()).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void numbersAreGivenInPublicationOrder() {
        List<Integer> numbers = all(Sort.OLDEST, 50).get(0).comments().stream().map(n -> n.comment().number()).toList();
        assertThat(numbers).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 23).boxed().toList());
    }

    @Test
    void aBrokenCursorIsRefusedWithAMessage() {
        assertThatThrownBy(() -> reader.page(discussion, Sort.BEST, "nonsense", 5, null, null))
                .isInstanceOf(Refusal.class).hasMessageContaining("cursor");
    }
}

package dev.tribune.discussion;

import dev.tribune.App;
import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Many posts at the same moment, as the group commit on SQLite and concurrent transactions on
 * PostgreSQL store them: all kept, numbered without gaps, each with its event and decision, and
 * the rate limits still hold for a writer who sends a burst.
 */
@OnEveryDatabase
class ConcurrentPostsIT {
    @Parameter TestDatabase database;
    static TestTribune t;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) { t = TestTribune.start(database); }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    @Test
    void simultaneousPostsAreAllStoredNumberedWithoutGapsAndAnsweredAsStored() throws Exception {
        long discussionId = t.discussionId();
        Discussion before = t.app.discussions.byId(discussionId).orElseThrow();
        Comment parent = t.app.comments.importPublished(new NewComment(discussionId, null, "Ona", null,
                "The ferry timetable changes next week.", new Commenter(null, "parent-writer", "ip-parent")), Instant.now());
        int posts = 120;
        List<Outcome<Posted>> outcomes = all(posts, i -> () -> t.app.comments.post(new NewComment(discussionId,
                i % 4 == 3 ? parent.id() : null, "Reader " + i, null,
                "Reader " + i + " thinks the harbour plan needs another look at item " + i + ".",
                new Commenter(null, "browser-" + i, "address-" + i))));

        List<Posted> stored = outcomes.stream().map(Outcome::value).toList();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(stored).allSatisfy(p -> assertThat(p.comment().status()).isEqualTo(CommentStatus.PUBLISHED));
        // The answer is what a read gives back.
        for (Posted p : stored) {
            assertThat(t.app.threads.comment(p.comment().id())).contains(p.comment());
        }
        List<Integer> numbers = stored.stream().filter(p -> p.comment().parentId() == null)
                .map(p -> p.comment().number()).sorted().toList();
        int topLevel = posts - posts / 4;
        int first = before.nextNumber() + 1; // the imported parent took next_number
        assertThat(numbers).containsExactlyElementsOf(IntStream.range(first, first + topLevel).boxed().toList());
        assertThat(stored.stream().filter(p -> p.comment().parentId() != null))
                .allSatisfy(p -> assertThat(p.comment().number()).isNull());

        Discussion after = t.app.discussions.byId(discussionId).orElseThrow();
        assertThat(after.commentCount()).isEqualTo(before.commentCount() + 1 + posts);
        assertThat(after.nextNumber()).isEqualTo(first + topLevel);
        List<Long> ids = stored.stream().map(p -> p.comment().id()).toList();
        List<Long> published = t.app.db.read(h -> h.createQuery("select comment_id from event where discussion_id = :d "
                + "and kind = 'comment.published' and comment_id in (<ids>) order by id").bind("d", discussionId)
                .bindList("ids", ids).mapTo(Long.class).list());
        assertThat(published).containsExactlyInAnyOrderElementsOf(ids);
        int decisions = t.app.db.read(h -> h.createQuery("select count(*) from moderation_decision where comment_id in (<ids>)")
                .bindList("ids", ids).mapTo(Integer.class).one());
        assertThat(decisions).isEqualTo(posts);
    }

    @Test
    void aBurstFromOneWriterIsRateLimitedWhileOthersPostingWithItAreAllStored() throws Exception {
        t.app.policies.change(t.site.id(), Map.of("floodSeconds", "10"), null);
        try {
            burstFromOneWriter(t.app, t.app, "hasty");
        } finally {
            t.app.policies.change(t.site.id(), Map.of("floodSeconds", "0"), null);
        }
    }

    @Test
    void aBurstFromOneWriterSpreadOverTwoNodesIsRateLimitedToo() throws Exception {
        // Two processes on one SQLite file are not a supported setup; several nodes share a PostgreSQL.
        assumeTrue(database == TestDatabase.POSTGRESQL);
        t.app.policies.change(t.site.id(), Map.of("floodSeconds", "10"), null);
        try (App second = new App(t.app.settings)) {
            burstFromOneWriter(t.app, second, "hurried");
        } finally {
            t.app.policies.change(t.site.id(), Map.of("floodSeconds", "0"), null);
        }
    }

    /** Half the posts from one writer, half from different readers, all at once, alternating between two apps. */
    private void burstFromOneWriter(App one, App other, String writer) throws Exception {
        long discussionId = t.discussionId();
        int burst = 50;
        // Even indexes: one writer, fifty times at once; odd ones: fifty different readers at the same moment.
        List<Outcome<Posted>> outcomes = all(2 * burst, i -> () -> (i % 4 < 2 ? one : other).comments.post(new NewComment(
                discussionId, null, i % 2 == 0 ? "Hasty Harriet" : "Calm " + i, null,
                "Comment number " + i + " from " + writer + " about the seawall repairs.",
                i % 2 == 0 ? new Commenter(null, writer + "-browser", writer + "-address")
                        : new Commenter(null, writer + "-calm-" + i, writer + "-calm-address-" + i))));

        List<Outcome<Posted>> hasty = IntStream.range(0, 2 * burst).filter(i -> i % 2 == 0).mapToObj(outcomes::get).toList();
        List<Outcome<Posted>> calm = IntStream.range(0, 2 * burst).filter(i -> i % 2 == 1).mapToObj(outcomes::get).toList();
        // The policy's flood interval lets one comment through; the others are refused, not stored.
        assertThat(hasty.stream().filter(o -> o.failure() == null)).hasSize(1);
        assertThat(hasty.stream().filter(o -> o.failure() != null))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(429);
                    assertThat(r.type()).isEqualTo("rate-limited");
                }));
        assertThat(calm).allSatisfy(o -> assertThat(o.failure()).isNull());
        int stored = t.app.db.read(h -> h.createQuery("select count(*) from comment where guest_key = ?")
                .bind(0, writer + "-browser").mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void theAddressLimitHoldsForManyBrowsersBehindOneAddressPostingAtOnce() throws Exception {
        long siteId = t.site.id();
        t.app.policies.change(siteId, Map.of("maxPerHourPerIp", "5"), null);
        try {
            long discussionId = t.discussionId();
            List<Outcome<Posted>> outcomes = all(30, i -> () -> t.app.comments.post(new NewComment(discussionId, null,
                    "Office " + i, null, "Office reader " + i + " on the district budget vote.",
                    new Commenter(null, "office-browser-" + i, "office-address"))));
            assertThat(outcomes.stream().filter(o -> o.failure() == null)).hasSize(5);
            assertThat(outcomes.stream().filter(o -> o.failure() != null))
                    .allSatisfy(o -> assertThat(((Refusal) o.failure()).status()).isEqualTo(429));
        } finally {
            t.app.policies.change(siteId, Map.of("maxPerHourPerIp", "100000"), null);
        }
    }

    record Outcome<T>(T value, Throwable failure) {}

    /** Runs n tasks released at the same moment; returns each one's value or failure, in order. */
    private static <T> List<Outcome<T>> all(int n, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> c = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return c.call();
                }));
            }
            go.countDown();
            List<Outcome<T>> out = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    out.add(new Outcome<>(f.get(), null));
                } catch (ExecutionException e) {
                    out.add(new Outcome<>(null, e.getCause()));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.tribune.discussion;

import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Readers voting on one comment at the same moment are all counted, on either database. */
@OnEveryDatabase
class ConcurrentVotesIT {
    @Parameter TestDatabase database;
    static TestTribune t;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) { t = TestTribune.start(database); }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    @Test
    void simultaneousVotesFromDifferentReadersAreAllCounted() throws Exception {
        Comment c = t.app.comments.importPublished(new NewComment(t.discussionId(), null, "Ines", null,
                "Vote on me.", new Commenter(null, "writer", "ip-w")), Instant.now());
        int voters = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(voters);
        try {
            List<Future<Votes.Tally>> tallies = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                Commenter reader = new Commenter(null, "reader-" + i, "ip-" + i);
                tallies.add(pool.submit(() -> {
                    go.await();
                    return t.app.votes.vote(c.id(), 1, reader);
                }));
            }
            go.countDown();
            for (Future<Votes.Tally> f : tallies) f.get();
        } finally {
            pool.shutdownNow();
        }
        Comment after = t.app.threads.comment(c.id()).orElseThrow();
        assertThat(after.upvotes()).isEqualTo(voters);
        assertThat(after.score()).isEqualTo(voters);
    }
}

package dev.tribune.web;

import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.discussion.NewComment;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import dev.tribune.publishing.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No N+1 on the read path: rendering a page of a thread (HTML, the fragment, JSON, the whole
 * thread, anonymous or personal) takes the same statements for a thread of 4 comments as for
 * one of 600 with replies nested deep and tombstones, counted on the real database.
 */
@OnEveryDatabase
class ThreadStatementsIT {
    /** More than a page needs (see the list in the failure message); an N+1 would need hundreds. */
    static final int MOST_STATEMENTS = 8;

    @Parameter TestDatabase database;
    static TestTribune t;
    static long smallDiscussion, largeDiscussion;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        t = TestTribune.start(database);
        smallDiscussion = thread("small-thread", 2, 1);
        largeDiscussion = thread("large-thread", 150, 3);
    }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    /** An article whose thread has topLevel comments, each with a chain of replies; every fifth top-level one deleted. */
    static long thread(String slug, int topLevel, int replyDepth) {
        long article = t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft(slug, "A thread of " + slug, "", "Body.",
                t.author.id(), List.of(), Instant.now().minusSeconds(600))).id();
        long d = t.app.discussions.forArticle(article).orElseThrow().id();
        for (int i = 0; i < topLevel; i++) {
            Commenter writer = new Commenter(null, "writer-" + slug + "-" + i, "ip");
            Comment top = t.app.comments.importPublished(new NewComment(d, null, "Reader " + i, "", "Comment *" + i + "*.", writer),
                    Instant.now());
            Long parent = top.id();
            for (int r = 0; r < replyDepth; r++) {
                parent = t.app.comments.importPublished(new NewComment(d, parent, "Replier " + r, "", "A reply, " + r + " deep.",
                        new Commenter(null, "replier-" + r, "ip")), Instant.now()).id();
            }
            if (i % 5 == 4) t.app.comments.delete(top.id(), writer);
        }
        return d;
    }

    /** The SQL of every statement run while answering path, right after a change to the discussion (no ready bytes). */
    static List<String> statements(HttpClient client, long discussion, String path) throws Exception {
        t.app.comments.importPublished(new NewComment(discussion, null, "Newcomer", "", "A change, so nothing is cached.",
                new Commenter(null, "newcomer", "ip")), Instant.now());
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        HttpResponse<String> r;
        try (AutoCloseable watch = t.app.db.watchStatements(seen::add)) {
            r = t.get(client, path);
        }
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return List.copyOf(seen);
    }

    static long readsOfComments(List<String> statements) {
        return statements.stream().filter(s -> s.toLowerCase(Locale.ROOT).contains("from comment")).count();
    }

    @Test
    void aPageTakesTheSameStatementsForFourCommentsAsForSixHundred() throws Exception {
        HttpClient anonymous = TestTribune.browser();
        // A reader with a browser token: the page is personal (own votes, own held comments).
        HttpClient writer = TestTribune.browser();
        assertThat(t.postForm(writer, "/articles/small-thread/comments", ArticlePagesIT.form("name", "Wren", "body", "Mine."))
                .statusCode()).isEqualTo(303);
        for (HttpClient client : List.of(anonymous, writer)) {
            for (String path : List.of("/articles/%s", "/articles/%s?sort=newest", "/articles/%s?sort=best", "/articles/%s/thread",
                    "/api/v1/articles/%s/comments", "/api/v1/articles/%s/comments?limit=all&sort=best")) {
                List<String> small = statements(client, smallDiscussion, path.formatted("small-thread"));
                List<String> large = statements(client, largeDiscussion, path.formatted("large-thread"));
                assertThat(readsOfComments(large)).as(path + ": reads of comments\n" + String.join("\n", large))
                        .isEqualTo(readsOfComments(small)).isLessThanOrEqualTo(2);
                assertThat(large).as(path + " on the large thread").hasSizeLessThanOrEqualTo(MOST_STATEMENTS);
                assertThat(small).as(path + " on the small thread").hasSizeLessThanOrEqualTo(MOST_STATEMENTS);
            }
        }
    }

    @Test
    void theWholeLargeThreadIsThere() throws Exception {
        // The statements counted above did read everything: 150 top-level comments (tombstones
        // included, since their replies stand), each with its chain of 3 replies.
        String json = t.get(TestTribune.browser(), "/api/v1/articles/large-thread/comments?limit=all&sort=oldest").body();
        assertThat(json.split("A reply, 2 deep.", -1)).hasSize(151);
        assertThat(json).contains("\"status\":\"deleted\"");
    }
}

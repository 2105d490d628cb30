package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribune.TestTribune;
import dev.tribune.domain.Account;
import dev.tribune.domain.Article;
import dev.tribune.domain.Role;
import dev.tribune.publishing.Newsroom;
import dev.tribune.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiV1IT {
    static TestTribune t;

    @BeforeAll
    static void start() {
        t = TestTribune.start();
    }

    @AfterAll
    static void stop() { t.close(); }

    static Article story(String slug) {
        return t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft(slug, "Story " + slug, "", "Body.", t.author.id(),
                List.of("test"), Instant.now().minusSeconds(60)));
    }

    static long discussionOf(Article a) {
        return t.app.discussions.forArticle(a.id()).orElseThrow().id();
    }

    @Test
    void articlesAreListedNewestFirstAndOneArticleCarriesItsBody() throws Exception {
        story("older-listing-story");
        ApiClient reader = new ApiClient(t);
        Answer list = reader.get("/api/v1/articles?limit=50");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("application/json");
        List<String> slugs = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (JsonNode a : list.json().get("articles")) {
            slugs.add(a.get("slug").asText());
            times.add(a.get("publishedAt").asText());
            assertThat(a.has("bodyHtml")).isFalse();
        }
        assertThat(slugs).contains("harbour-story", "older-listing-story");
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());

        Answer one = reader.get("/api/v1/articles/harbour-story");
        JsonNode a = one.json();
        assertThat(a.get("headline").asText()).isEqualTo("Harbour story");
        assertThat(a.get("author").get("slug").asText()).isEqualTo("ada-reporter");
        assertThat(a.get("author").get("name").asText()).isEqualTo("Ada Reporter");
        assertThat(a.get("publishedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(a.get("tags").get(0).asText()).isEqualTo("port");
        assertThat(a.get("url").asText()).isEqualTo("/articles/harbour-story");
        assertThat(a.get("discussionId").asLong()).isEqualTo(t.discussionId());
        assertThat(a.get("commentsOpen").asBoolean()).isTrue();
        assertThat(a.get("bodyHtml").asText()).contains("<blockquote>");
        assertThat(reader.get("/api/v1/articles?limit=1").json().get("articles")).hasSize(1);
    }

    @Test
    void aJsonPostAppearsInTheApiAndOnThePage() throws Exception {
        ApiClient writer = new ApiClient(t);
        Answer posted = writer.send("POST", "/api/v1/articles/harbour-story/comments",
                Map.of("name", "Ines", "email", "ines@example.org", "body", "Ferries *first*, then the port."));
        assertThat(posted.status()).isEqualTo(201);
        long id = posted.json().get("id").asLong();
        assertThat(posted.header("Location")).isEqualTo("/api/v1/comments/" + id);
        assertThat(posted.header("Set-Cookie")).startsWith(Visitors.BROWSER_COOKIE + "=").contains("HttpOnly");
        JsonNode c = posted.json();
        assertThat(c.get("status").asText()).isEqualTo("published");
        assertThat(c.get("html").asText()).contains("<em>first</em>");
        assertThat(c.get("author").get("name").asText()).isEqualTo("Ines");
        assertThat(c.get("number").asInt()).isPositive();
        assertThat(c.get("discussionId").asLong()).isEqualTo(t.discussionId());
        assertThat(posted.raw().body()).doesNotContain("ines@example.org").doesNotContain("guest").doesNotContain("ip");

        assertThat(writer.get(posted.header("Location")).json().get("html").asText()).contains("<em>first</em>");
        JsonNode thread = new ApiClient(t).get("/api/v1/discussions/" + t.discussionId() + "/comments?limit=all").json();
        assertThat(thread.get("comments").findValues("id").stream().map(JsonNode::asLong)).contains(id);
        assertThat(thread.get("nextCursor").isNull()).isTrue();
        String page = t.get(TestTribune.browser(), "/articles/harbour-story").body();
        assertThat(page).contains("id=\"comment-" + id + "\"").contains("Ines").contains("<em>first</em>");
    }

    @Test
    void aFormPostIsVisibleInTheApi() throws Exception {
        var r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments",
                ArticlePagesIT.form("name", "Form Writer", "body", "Written in the **page** form."));
        assertThat(r.statusCode()).isEqualTo(303);
        String id = r.headers().firstValue("Location").orElseThrow().substring("/c/".length());
        Answer c = new ApiClient(t).get("/api/v1/comments/" + id);
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.json().get("author").get("name").asText()).isEqualTo("Form Writer");
        assertThat(c.json().get("html").asText()).contains("<strong>page</strong>");
        JsonNode thread = new ApiClient(t).get("/api/v1/articles/harbour-story/comments?sort=newest&limit=1").json();
        assertThat(thread.get("comments").get(0).get("id").asText()).isEqualTo(id);
        assertThat(thread.get("sort").asText()).isEqualTo("newest");
    }

    @Test
    void cursorsPageThroughEverySortAndRepliesTravelWithTheirTopLevelComment() throws Exception {
        Article a = story("paging-story");
        ApiClient writer = new ApiClient(t);
        List<Long> roots = new ArrayList<>();
        for (int i = 1; i <= 5; i++) roots.add(writer.comment("paging-story", "Writer", "Top-level " + i, null).get("id").asLong());
        long reply = writer.comment("paging-story", "Writer", "A reply to the second", roots.get(1)).get("id").asLong();
        long nested = writer.comment("paging-story", "Writer", "A reply to the reply", reply).get("id").asLong();
        // Scores: 3rd +2, 1st +1, 5th -1; the rest 0.
        ApiClient v1 = new ApiClient(t);
        ApiClient v2 = new ApiClient(t);
        assertThat(v1.vote(roots.get(2), 1).status()).isEqualTo(200);
        assertThat(v2.vote(roots.get(2), 1).status()).isEqualTo(200);
        assertThat(v1.vote(roots.get(0), 1).status()).isEqualTo(200);
        assertThat(v1.vote(roots.get(4), -1).status()).isEqualTo(200);

        List<Long> newest = new ArrayList<>(roots);
        java.util.Collections.reverse(newest);
        List<Long> best = List.of(roots.get(2), roots.get(0), roots.get(3), roots.get(1), roots.get(4));
        Map<String, List<Long>> expected = Map.of("oldest", roots, "newest", newest, "best", best);
        for (var e : expected.entrySet()) {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                String path = "/api/v1/discussions/" + discussionOf(a) + "/comments?limit=2&sort=" + e.getKey()
                        + (cursor == null ? "" : "&cursor=" + cursor);
                JsonNode page = writer.get(path).json();
                assertThat(page.get("comments").size()).isLessThanOrEqualTo(2);
                for (JsonNode c : page.get("comments")) {
                    seen.add(c.get("id").asLong());
                    boolean isSecond = c.get("id").asLong() == roots.get(1);
                    assertThat(c.get("replies").size()).isEqualTo(isSecond ? 1 : 0);
                    if (isSecond) {
                        JsonNode r = c.get("replies").get(0);
                        assertThat(r.get("id").asLong()).isEqualTo(reply);
                        assertThat(r.get("parentId").asLong()).isEqualTo(roots.get(1));
                        assertThat(r.get("depth").asInt()).isEqualTo(1);
                        assertThat(r.get("number").isNull()).isTrue();
                        assertThat(r.get("replies").get(0).get("id").asLong()).isEqualTo(nested);
                    }
                }
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(seen).as(e.getKey()).containsExactlyElementsOf(e.getValue());
            assertThat(pages).as(e.getKey()).isEqualTo(3);
        }
        JsonNode all = writer.get("/api/v1/articles/paging-story/comments?limit=all").json();
        assertThat(all.get("comments")).hasSize(5);
        assertThat(all.get("discussion").get("commentCount").asInt()).isEqualTo(7);
    }

    @Test
    void theWriterEditsAndDeletesAndADeletedCommentWithRepliesStaysAsATombstone() throws Exception {
        story("edit-story");
        ApiClient author = new ApiClient(t);
        ApiClient other = new ApiClient(t);
        long root = author.comment("edit-story", "Rafa", "First thoughts.", null).get("id").asLong();
        long answer = other.comment("edit-story", "Lena", "An answer.", root).get("id").asLong();

        Answer edited = author.send("PATCH", "/api/v1/comments/" + root, Map.of("body", "Second *thoughts*."));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("html").asText()).contains("<em>thoughts</em>");
        assertThat(edited.json().get("editedAt").isNull()).isFalse();
        assertThat(other.send("PATCH", "/api/v1/comments/" + root, Map.of("body", "Hijacked")).status()).isEqualTo(403);
        assertThat(other.send("DELETE", "/api/v1/comments/" + root, null).status()).isEqualTo(403);

        Answer deleted = author.send("DELETE", "/api/v1/comments/" + root, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.raw().body()).isEmpty();
        JsonNode tomb = new ApiClient(t).get("/api/v1/articles/edit-story/comments").json().get("comments").get(0);
        assertThat(tomb.get("id").asLong()).isEqualTo(root);
        assertThat(tomb.get("status").asText()).isEqualTo("deleted");
        assertThat(tomb.get("author").get("name").asText()).isEmpty();
        assertThat(tomb.get("html").asText()).isEmpty();
        assertThat(tomb.get("replies").get(0).get("id").asLong()).isEqualTo(answer);
        assertThat(author.get("/api/v1/comments/" + root).json().get("status").asText()).isEqualTo("deleted");
        Answer again = author.send("DELETE", "/api/v1/comments/" + root, null);
        assertThat(again.status()).isEqualTo(409);
        Answer replyToDeleted = other.send("POST", "/api/v1/articles/edit-story/comments",
                Map.of("name", "Lena", "body", "Late.", "parentId", root));
        assertThat(replyToDeleted.status()).isEqualTo(422);
        assertThat(replyToDeleted.fieldError("parentId")).contains("deleted");

        assertThat(other.send("DELETE", "/api/v1/comments/" + answer, null).status()).isEqualTo(204);
        assertThat(author.get("/api/v1/comments/" + root).status()).isEqualTo(404);
        assertThat(new ApiClient(t).get("/api/v1/articles/edit-story/comments").json().get("comments")).isEmpty();
    }

    @Test
    void editingAfterTheWindowIsRefusedAndTheTextStays() throws Exception {
        story("late-edit-story");
        ApiClient author = new ApiClient(t);
        long id = author.comment("late-edit-story", "Rafa", "Said at the time.", null).get("id").asLong();
        long old = Instant.now().minus(dev.tribune.discussion.Limits.EDIT_WINDOW).minusSeconds(60).toEpochMilli();
        t.app.db.update(h -> h.createUpdate("update comment set created_at = ? where id = ?").bind(0, old).bind(1, id).execute());

        Answer late = author.send("PATCH", "/api/v1/comments/" + id, Map.of("body", "Rewritten history."));
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.problem()).isEqualTo("edit-window-closed");
        assertThat(late.json().get("detail").asText()).contains("15 minutes");
        assertThat(author.get("/api/v1/comments/" + id).json().get("html").asText()).contains("Said at the time.");
        JsonNode me = author.get("/api/v1/discussions/" + discussionOf(t.app.newsroom.bySlug(t.site.id(), "late-edit-story")
                .orElseThrow()) + "/me").json();
        assertThat(me.get("mine").get(0).asLong()).isEqualTo(id);
        assertThat(me.get("editable")).isEmpty();
    }

    @Test
    void votesAreCountedOncePerBrowserAndNeverOnYourOwnComment() throws Exception {
        Article a = story("vote-story");
        ApiClient author = new ApiClient(t);
        ApiClient b = new ApiClient(t);
        ApiClient c = new ApiClient(t);
        long id = author.comment("vote-story", "Rafa", "Vote on me.", null).get("id").asLong();

        JsonNode up = b.vote(id, 1).json();
        assertThat(up.get("score").asInt()).isEqualTo(1);
        assertThat(up.get("upvotes").asInt()).isEqualTo(1);
        assertThat(up.get("myVote").asInt()).isEqualTo(1);
        assertThat(b.vote(id, 1).json().get("score").asInt()).isEqualTo(1);
        assertThat(b.vote(id, -1).json().get("score").asInt()).isEqualTo(-1);
        JsonNode two = c.vote(id, -1).json();
        assertThat(two.get("score").asInt()).isEqualTo(-2);
        assertThat(two.get("downvotes").asInt()).isEqualTo(2);
        assertThat(b.get("/api/v1/discussions/" + discussionOf(a) + "/me").json().get("myVotes").get(Long.toString(id)).asInt())
                .isEqualTo(-1);
        JsonNode back = c.vote(id, 0).json();
        assertThat(back.get("score").asInt()).isEqualTo(-1);
        assertThat(back.get("myVote").asInt()).isZero();

        Answer own = author.vote(id, 1);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.problem()).isEqualTo("own-comment");
        JsonNode shown = new ApiClient(t).get("/api/v1/comments/" + id).json();
        assertThat(shown.get("score").asInt()).isEqualTo(-1);
        assertThat(shown.get("downvotes").asInt()).isEqualTo(1);
        assertThat(shown.get("upvotes").asInt()).isZero();
    }

    @Test
    void theViewersOwnBitsComeSeparately() throws Exception {
        Article a = story("me-story");
        ApiClient author = new ApiClient(t);
        ApiClient reader = new ApiClient(t);
        long id = author.comment("me-story", "Rafa", "Mine.", null).get("id").asLong();
        long theirs = reader.comment("me-story", "Lena", "Theirs.", null).get("id").asLong();
        reader.vote(id, 1);

        JsonNode mine = author.get("/api/v1/discussions/" + discussionOf(a) + "/me").json();
        assertThat(mine.get("mine")).extracting(JsonNode::asLong).containsExactly(id);
        assertThat(mine.get("editable")).extracting(JsonNode::asLong).containsExactly(id);
        assertThat(mine.get("myVotes").size()).isZero();
        JsonNode theirsMe = reader.get("/api/v1/discussions/" + discussionOf(a) + "/me").json();
        assertThat(theirsMe.get("mine")).extracting(JsonNode::asLong).containsExactly(theirs);
        assertThat(theirsMe.get("myVotes").get(Long.toString(id)).asInt()).isEqualTo(1);

        Answer stranger = new ApiClient(t).get("/api/v1/discussions/" + discussionOf(a) + "/me");
        assertThat(stranger.json().get("mine")).isEmpty();
        assertThat(stranger.header("Set-Cookie")).isNull();
        assertThat(stranger.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aHeldCommentIsPendingForItsWriterAndInvisibleToOthers() throws Exception {
        Article a = story("held-story");
        t.app.discussions.setPremoderated(discussionOf(a), true);
        ApiClient writer = new ApiClient(t);
        Answer posted = writer.send("POST", "/api/v1/discussions/" + discussionOf(a) + "/comments",
                Map.of("name", "Nia", "body", "Please review me."));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().get("status").asText()).isEqualTo("pending");
        assertThat(posted.json().get("message").asText()).contains("held for review");
        long id = posted.json().get("id").asLong();

        JsonNode own = writer.get("/api/v1/articles/held-story/comments").json();
        assertThat(own.get("comments").get(0).get("status").asText()).isEqualTo("pending");
        assertThat(writer.get("/api/v1/comments/" + id).status()).isEqualTo(200);
        ApiClient other = new ApiClient(t);
        JsonNode shared = other.get("/api/v1/articles/held-story/comments").json();
        assertThat(shared.get("comments")).isEmpty();
        assertThat(shared.get("discussion").get("commentCount").asInt()).isZero();
        assertThat(other.get("/api/v1/comments/" + id).status()).isEqualTo(404);
        assertThat(other.vote(id, 1).status()).isEqualTo(404);
    }

    @Test
    void staffWithTheirTokenPostWithABadge() throws Exception {
        Account journalist = t.app.accounts.add(t.site.id(), "desk@test.example", "News Desk", Role.JOURNALIST, "long-enough-password", null);
        String token = t.app.sessions.start(journalist);
        String csrf = t.app.sessions.find(token).orElseThrow().csrfToken();
        Answer a = new ApiClient(t).send("POST", "/api/v1/articles/harbour-story/comments", Map.of("body", "From the desk."),
                Map.of("Cookie", Visitors.STAFF_COOKIE + "=" + token, "X-CSRF-Token", csrf));
        assertThat(a.status()).as(a.raw().body()).isEqualTo(201);
        assertThat(a.json().get("author").get("name").asText()).isEqualTo("News Desk");
        assertThat(a.json().get("author").get("badge").asText()).isEqualTo("Staff");
    }
}

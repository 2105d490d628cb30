package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.discussion.NewComment;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Article;
import dev.tribune.publishing.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static dev.tribune.web.ArticlePagesIT.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input through the plain forms: a clear 4xx with a message, what was typed kept, nothing stored changed. */
class FormInputIT {
    static TestTribune t;

    @BeforeAll
    static void start() {
        t = TestTribune.start();
    }

    @AfterAll
    static void stop() { t.close(); }

    int count() {
        return t.app.discussions.forArticle(t.article.id()).orElseThrow().commentCount();
    }

    @Test
    void anOversizedBodyNamesTheLimit() throws Exception {
        int before = count();
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments",
                form("name", "Long", "body", "x".repeat(10_001)));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("10,000 characters");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aMissingNameIsRefusedAndTheBodyKept() throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", form("body", "My words stay"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Please give a display name.").contains("My words stay");
    }

    @Test
    void invalidUtf8IsRefusedWithAMessage() throws Exception {
        int before = count();
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", "name=A&body=%C3%28%FF");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not valid UTF-8");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anUnknownArticleIs404() throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/no-such-story/comments", form("name", "A", "body", "b"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no-such-story");
    }

    @Test
    void aReplyToACommentOfAnotherArticleOrADeletedOneIsRefused() throws Exception {
        Article other = t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft("other-story", "Other", "", "Body", null,
                List.of(), Instant.now().minusSeconds(60)));
        long otherDiscussion = t.app.discussions.forArticle(other.id()).orElseThrow().id();
        Commenter someone = new Commenter(null, "someone", "ip");
        Comment elsewhere = t.app.comments.post(new NewComment(otherDiscussion, null, "E", null, "elsewhere", someone)).comment();
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments",
                form("name", "A", "body", "reply", "parentId", Long.toString(elsewhere.id())));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("not part of this discussion").contains(">reply</textarea>");

        Comment gone = t.app.comments.post(new NewComment(t.discussionId(), null, "G", null, "to delete", someone)).comment();
        t.app.comments.delete(gone.id(), someone);
        int before = count();
        r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments",
                form("name", "A", "body", "late reply", "parentId", Long.toString(gone.id())));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("was deleted");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aCrossSiteFormPostIsRefused() throws Exception {
        int before = count();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(t.url("/articles/harbour-story/comments")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(form("name", "A", "body", "forged"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("cross-site");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void nobodyVotesOnTheirOwnComment() throws Exception {
        HttpClient b = TestTribune.browser();
        String link = t.postForm(b, "/articles/harbour-story/comments", form("name", "Self", "body", "vote for me")).headers()
                .firstValue("Location").orElseThrow();
        HttpResponse<String> r = t.postForm(b, link + "/vote", "value=1");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("your own comment");
        HttpResponse<String> other = t.postForm(TestTribune.browser(), link + "/vote", "value=1");
        assertThat(other.statusCode()).isEqualTo(303);
    }

    @Test
    void theWriterCanEditThenDeleteAndATombstoneKeepsTheReplies() throws Exception {
        HttpClient writer = TestTribune.browser();
        String link = t.postForm(writer, "/articles/harbour-story/comments", form("name", "Ed", "body", "first words")).headers()
                .firstValue("Location").orElseThrow();
        long id = Long.parseLong(link.substring(3));
        assertThat(t.postForm(TestTribune.browser(), link + "/edit", form("body", "hijack")).statusCode()).isEqualTo(403);
        assertThat(t.postForm(writer, link + "/edit", form("body", "second words")).statusCode()).isEqualTo(303);
        t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", form("name", "Re", "body", "a reply", "parentId", Long.toString(id)));
        int before = count();
        assertThat(t.postForm(writer, link + "/delete", "").statusCode()).isEqualTo(303);
        assertThat(count()).isEqualTo(before - 1);
        String page = t.get(TestTribune.browser(), "/articles/harbour-story?sort=newest").body();
        assertThat(page).contains("id=\"comment-" + id + "\"").contains("[deleted]").contains("a reply").doesNotContain("second words");
    }
}

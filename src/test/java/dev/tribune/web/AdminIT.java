package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.discussion.NewComment;
import dev.tribune.discussion.RecentComments;
import dev.tribune.domain.Article;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Role;
import dev.tribune.publishing.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

class AdminIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;
    static StaffBrowser admin;
    static StaffBrowser moderator;
    static StaffBrowser journalist;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        t.app.accounts.add(t.site.id(), "admin@test.org", "Ari Admin", Role.ADMIN, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "ada@test.org", "Ada Reporter", Role.JOURNALIST, PASSWORD, t.author.id());
        admin = StaffBrowser.signIn(t, "admin@test.org", PASSWORD);
        moderator = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
        journalist = StaffBrowser.signIn(t, "ada@test.org", PASSWORD);
    }

    @AfterAll
    static void stop() { t.close(); }

    static Article published(String slug) {
        return t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft(slug, "Story " + slug, "", "Body of " + slug,
                t.author.id(), List.of(), Instant.now().minusSeconds(60)));
    }

    static long postAsReader(String slug, String name, String body) throws Exception {
        return postAsReaderOn(t, slug, name, body);
    }

    static long postAsReaderOn(TestTribune t, String slug, String name, String body) throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/" + slug + "/comments", form("name", name, "body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring(3));
    }

    static String publicPage(String slug) throws Exception {
        HttpResponse<String> r = t.get(TestTribune.browser(), "/articles/" + slug);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static long createdId(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        Matcher m = Pattern.compile("/admin/articles/(\\d+)\\?saved=1").matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aJournalistWritesADraftEditsItAndPublishesItToTheFrontPage() throws Exception {
        HttpResponse<String> created = journalist.post("/admin/articles", "action", "save", "headline", "Council budget gap widens",
                "slug", "", "standfirst", "A shortfall.", "authorId", Long.toString(t.author.id()), "tags", "council, budget",
                "body", "The council **budget**.", "publication", "draft");
        long id = createdId(created);
        assertThat(t.get(TestTribune.browser(), "/").body()).doesNotContain("Council budget gap widens");
        assertThat(t.get(TestTribune.browser(), "/articles/council-budget-gap-widens").statusCode()).isEqualTo(404);
        HttpResponse<String> list = journalist.get("/admin");
        assertThat(list.body()).contains("Council budget gap widens").contains("Draft");

        HttpResponse<String> editor = journalist.get("/admin/articles/" + id + "?saved=1");
        assertThat(editor.body()).contains("Saved.").contains("value=\"council-budget-gap-widens\"").contains("<strong>budget</strong>");

        HttpResponse<String> edited = journalist.post("/admin/articles/" + id, "action", "save", "headline", "Council budget gap grows",
                "slug", "council-budget-gap-widens", "standfirst", "A shortfall.", "authorId", Long.toString(t.author.id()),
                "tags", "council", "body", "The council **budget**, revised.", "publication", "now");
        assertThat(createdId(edited)).isEqualTo(id);
        String front = t.get(TestTribune.browser(), "/").body();
        assertThat(front).contains("Council budget gap grows").contains("/articles/council-budget-gap-widens");
        assertThat(publicPage("council-budget-gap-widens")).contains("revised").contains("Ada Reporter");

        HttpResponse<String> unpublished = journalist.post("/admin/articles/" + id, "action", "save", "headline", "Council budget gap grows",
                "slug", "council-budget-gap-widens", "body", "The council budget.", "publication", "draft");
        createdId(unpublished);
        assertThat(t.get(TestTribune.browser(), "/").body()).doesNotContain("Council budget gap grows");
    }

    @Test
    void aScheduledArticleWaitsForItsTime() throws Exception {
        long id = createdId(admin.post("/admin/articles", "action", "save", "headline", "Tomorrow's ferry timetable",
                "body", "New times.", "publication", "at", "publishAt", "2999-01-01T08:00"));
        assertThat(t.app.newsroom.byId(id).orElseThrow().publishedAt()).isEqualTo(Instant.parse("2999-01-01T08:00:00Z"));
        assertThat(t.get(TestTribune.browser(), "/").body()).doesNotContain("Tomorrow&#39;s ferry timetable")
                .doesNotContain("tomorrow-s-ferry-timetable");
        assertThat(admin.get("/admin").body()).contains("Scheduled");

        HttpResponse<String> bad = admin.post("/admin/articles/" + id, "action", "save", "headline", "Tomorrow's ferry timetable",
                "body", "New times.", "publication", "at", "publishAt", "next tuesday");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("data-field=\"publishAt\"").contains("New times.");
    }

    @Test
    void aRefusedArticleKeepsWhatWasTypedAndSavesNothing() throws Exception {
        int before = t.app.newsroom.all(t.site.id(), 500).size();
        HttpResponse<String> r = journalist.post("/admin/articles", "action", "save", "headline", " ", "slug", "Bad Slug!",
                "body", "Paragraph I typed with care.", "publication", "draft");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("An article needs a headline.").contains("data-field=\"slug\"")
                .contains("Paragraph I typed with care.");
        assertThat(t.app.newsroom.all(t.site.id(), 500)).hasSize(before);
    }

    @Test
    void previewRendersTheBodyWithoutSaving() throws Exception {
        int before = t.app.newsroom.all(t.site.id(), 500).size();
        HttpResponse<String> r = journalist.post("/admin/articles", "action", "preview", "headline", "Preview me",
                "body", "## Sub head\n\n<script>alert(1)</script> text", "publication", "now");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<h2>Sub head</h2>").doesNotContain("<script>alert(1)</script>")
                .contains("value=\"Preview me\"");
        assertThat(t.app.newsroom.all(t.site.id(), 500)).hasSize(before);

        HttpResponse<String> live = journalist.post("/admin/preview", "body", "*live*");
        assertThat(live.body()).isEqualTo("<p><em>live</em></p>");
    }

    @Test
    void missingOrForgedTokensAreRefusedAndChangeNothing() throws Exception {
        Article a = published("csrf-story");
        HttpResponse<String> missing = moderator.postRaw("/admin/articles/" + a.id() + "/comments", "open", "0");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("cross-site request refused");
        HttpResponse<String> forged = moderator.postRaw("/admin/articles/" + a.id() + "/comments", "open", "0", "csrf", "not-the-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        // Another person's token is not yours.
        HttpResponse<String> someoneElses = moderator.postRaw("/admin/articles/" + a.id() + "/comments", "open", "0", "csrf", admin.csrf);
        assertThat(someoneElses.statusCode()).isEqualTo(403);
        assertThat(t.app.discussions.forArticle(a.id()).orElseThrow().open()).isTrue();

        int before = t.app.newsroom.all(t.site.id(), 500).size();
        HttpResponse<String> article = journalist.postRaw("/admin/articles", "action", "save", "headline", "Forged",
                "body", "Text I wrote.", "publication", "now", "csrf", "forged");
        assertThat(article.statusCode()).isEqualTo(403);
        assertThat(article.body()).contains("cross-site request refused").contains("Text I wrote.");
        assertThat(t.app.newsroom.all(t.site.id(), 500)).hasSize(before);

        long c = postAsReader("csrf-story", "Reader", "Keep me.");
        assertThat(moderator.postRaw("/admin/comments/" + c + "/hide").statusCode()).isEqualTo(403);
        assertThat(t.app.threads.comment(c).orElseThrow().status()).isEqualTo(CommentStatus.PUBLISHED);

        // The right token but a request from another site's page is refused as well.
        HttpResponse<String> crossSite = moderator.send(java.net.http.HttpRequest.newBuilder(moderator.uri("/admin/articles/" + a.id() + "/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form("open", "0", "csrf", moderator.csrf))));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(t.app.discussions.forArticle(a.id()).orElseThrow().open()).isTrue();
    }

    @Test
    void closingCommentsRemovesTheFormAndRefusesPostsUntilReopened() throws Exception {
        Article a = published("closing-story");
        assertThat(publicPage("closing-story")).contains("class=\"comment-form\"");
        HttpResponse<String> closed = moderator.post("/admin/articles/" + a.id() + "/comments", "open", "0", "back", "/admin");
        assertThat(closed.statusCode()).isEqualTo(303);
        assertThat(closed.headers().firstValue("Location")).hasValue("/admin");

        String page = publicPage("closing-story");
        assertThat(page).doesNotContain("class=\"comment-form\"").contains("Comments are closed");
        HttpResponse<String> refused = t.postForm(TestTribune.browser(), "/articles/closing-story/comments",
                form("name", "Late", "body", "Too late?"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Comments are closed");
        assertThat(t.app.discussions.forArticle(a.id()).orElseThrow().commentCount()).isZero();
        assertThat(moderator.get("/admin").body()).contains("Reopen");

        moderator.post("/admin/articles/" + a.id() + "/comments", "open", "1");
        assertThat(publicPage("closing-story")).contains("class=\"comment-form\"");
        postAsReader("closing-story", "Early", "Back again.");
    }

    @Test
    void premoderationHoldsNewComments() throws Exception {
        Article a = published("premod-story");
        assertThat(moderator.post("/admin/articles/" + a.id() + "/premoderation", "on", "1").statusCode()).isEqualTo(303);
        assertThat(t.app.discussions.forArticle(a.id()).orElseThrow().premoderated()).isTrue();
        long c = postAsReader("premod-story", "Held", "Wait for me.");
        assertThat(t.app.threads.comment(c).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        assertThat(moderator.get("/admin/comments?status=pending").body()).contains("id=\"c" + c + "\"").contains("Approve");

        moderator.post("/admin/comments/" + c + "/restore");
        assertThat(publicPage("premod-story")).contains("id=\"comment-" + c + "\"").contains("1 comment");
    }

    @Test
    void hidingACommentRemovesItFromThePageAndRestoringBringsItBackWithItsNumber() throws Exception {
        published("hiding-story");
        long first = postAsReader("hiding-story", "First", "One.");
        long second = postAsReader("hiding-story", "Rude", "Something rude.");
        assertThat(publicPage("hiding-story")).contains("id=\"comment-" + second + "\"").contains("2 comments");

        HttpResponse<String> list = moderator.get("/admin/comments");
        assertThat(list.body()).contains("Something rude.").contains("/articles/hiding-story#comment-" + second);
        assertThat(list.body().indexOf("id=\"c" + second + "\"")).isLessThan(list.body().indexOf("id=\"c" + first + "\""));

        HttpResponse<String> hidden = moderator.post("/admin/comments/" + second + "/hide", "reason", "insults", "back", "/admin/comments");
        assertThat(hidden.statusCode()).isEqualTo(303);
        assertThat(hidden.headers().firstValue("Location")).hasValue("/admin/comments#c" + second);
        String page = publicPage("hiding-story");
        assertThat(page).doesNotContain("id=\"comment-" + second + "\"").doesNotContain("Something rude.").contains("1 comment");
        assertThat(moderator.get("/admin/comments?status=rejected").body()).contains("Something rude.").contains("Reason: insults")
                .doesNotContain("id=\"c" + first + "\"");

        moderator.post("/admin/comments/" + second + "/restore");
        assertThat(publicPage("hiding-story")).contains("id=\"comment-" + second + "\"").contains("2 comments")
                .contains("href=\"/c/" + second + "\">2.</a>");
    }

    @Test
    void rolesLimitWhatEachPersonMayDo() throws Exception {
        Article a = published("roles-story");
        long c = postAsReader("roles-story", "Reader", "Fine words.");
        HttpResponse<String> close = journalist.post("/admin/articles/" + a.id() + "/comments", "open", "0");
        assertThat(close.statusCode()).isEqualTo(403);
        assertThat(close.body()).contains("Only moderators and admins");
        assertThat(journalist.post("/admin/comments/" + c + "/hide").statusCode()).isEqualTo(403);
        assertThat(t.app.threads.comment(c).orElseThrow().status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(journalist.get("/admin/comments").body()).doesNotContain("/admin/comments/" + c + "/hide");

        assertThat(moderator.get("/admin/articles/new").statusCode()).isEqualTo(403);
        HttpResponse<String> edit = moderator.post("/admin/articles/" + a.id(), "action", "save", "headline", "Changed",
                "body", "x", "publication", "keep");
        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(edit.body()).contains("Only journalists and admins write and publish articles");
        assertThat(t.app.newsroom.byId(a.id()).orElseThrow().headline()).isEqualTo("Story roles-story");

        // The admin does both.
        assertThat(admin.post("/admin/comments/" + c + "/hide").statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/articles/new").statusCode()).isEqualTo(200);
    }

    @Test
    void staffCommentsCarryAuthorOrStaffBadges() throws Exception {
        HttpResponse<String> page = journalist.get("/articles/harbour-story");
        assertThat(page.body()).contains("Posting as <strong>Ada Reporter</strong>");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        String token = StaffBrowser.csrfIn(page.body());
        long reader = postAsReader("harbour-story", "Curious", "Who wrote this?");

        HttpResponse<String> reply = journalist.postRaw("/articles/harbour-story/comments", "parentId", Long.toString(reader),
                "body", "I did.", "csrf", token);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(303);
        HttpResponse<String> fromModerator = moderator.post("/articles/harbour-story/comments", "body", "Please stay on topic.");
        assertThat(fromModerator.statusCode()).isEqualTo(303);

        String html = t.get(TestTribune.browser(), "/articles/harbour-story?sort=newest").body();
        assertThat(html).contains("<span class=\"badge badge-author\">Author</span>")
                .contains("<span class=\"badge badge-staff\">Staff</span>");
        long replyId = Long.parseLong(reply.headers().firstValue("Location").orElseThrow().substring(3));
        int at = html.indexOf("id=\"comment-" + replyId + "\"");
        assertThat(html.substring(at, html.indexOf("</header>", at))).contains("Ada Reporter").contains("Author");

        // Without the token a staff member's comment is refused, since the cookie alone proves nothing.
        HttpResponse<String> noToken = journalist.postRaw("/articles/harbour-story/comments", "body", "Forged?");
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void theCommentListPagesByKeyset() throws Exception {
        Article a = published("busy-story");
        long d = t.app.discussions.forArticle(a.id()).orElseThrow().id();
        for (int i = 0; i < RecentComments.PAGE_SIZE + 3; i++) {
            t.app.comments.importPublished(new NewComment(d, null, "Bulk", null, "Bulk comment " + i, Commenter.anonymous("x")),
                    Instant.now());
        }
        // Imported last but written long ago: time, not arrival, places it.
        t.app.comments.importPublished(new NewComment(d, null, "Archive", null, "Old imported comment", Commenter.anonymous("x")),
                Instant.now().minusSeconds(30L * 86400));
        HttpResponse<String> first = moderator.get("/admin/comments?status=published");
        Matcher older = Pattern.compile("href=\"/admin/comments\\?status=published&amp;before=(\\d+_\\d+)\"").matcher(first.body());
        assertThat(older.find()).isTrue();
        assertThat(first.body()).contains("Bulk comment " + (RecentComments.PAGE_SIZE + 2)).doesNotContain("Bulk comment 2<")
                .doesNotContain("Old imported comment");
        HttpResponse<String> second = moderator.get("/admin/comments?status=published&before=" + older.group(1));
        assertThat(second.body()).contains("Bulk comment 2<").contains("Old imported comment").doesNotContain("Bulk comment " + (RecentComments.PAGE_SIZE + 2) + "<");
        assertThat(moderator.get("/admin/comments?status=nonsense").statusCode()).isEqualTo(422);
        assertThat(moderator.get("/admin/comments?before=abc").statusCode()).isEqualTo(422);
    }
}

package dev.tribune.web;

import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.domain.Article;
import dev.tribune.domain.Role;
import dev.tribune.publishing.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Search as readers and staff meet it: the page, the API, the console, and results that follow every change. */
@OnEveryDatabase
class SearchIT {
    @Parameter TestDatabase database;
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;
    static StaffBrowser moderator;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws Exception {
        t = TestTribune.start(database);
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        moderator = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> reader(String path) throws Exception {
        return t.get(TestTribune.browser(), path);
    }

    static String readerFinds(String kind, String words) throws Exception {
        HttpResponse<String> r = reader("/api/v1/search/" + kind + "?q=" + q(words));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static long post(String slug, String name, String body) throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/" + slug + "/comments", form("name", name, "body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring(3));
    }

    static Article article(String slug, String headline, String body) {
        return t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft(slug, headline, "", body, t.author.id(), List.of("tests"),
                Instant.now().minusSeconds(60)));
    }

    @Test
    void everyPageHasASearchBoxAndTheResultsPageReadsWithoutScript() throws Exception {
        HttpResponse<String> front = reader("/");
        assertThat(front.body()).contains("<form class=\"masthead-search\" role=\"search\" action=\"/search\" method=\"get\">");

        HttpResponse<String> page = reader("/search?q=" + q("harbour"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<a href=\"/articles/harbour-story\"><mark>Harbour</mark> story</a>")
                .contains("name=\"q\" value=\"harbour\"")
                .contains("<h2 id=\"found-comments\">Comments</h2>");
    }

    @Test
    void anEmptyOrWordlessQueryGetsAFriendlyPageAndEmptyLists() throws Exception {
        for (String path : List.of("/search", "/search?q=", "/search?q=" + q("\"*()\""))) {
            HttpResponse<String> r = reader(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("Type a word or two").doesNotContain("found-articles");
        }
        assertThat(readerFinds("articles", "")).contains("\"articles\":[]");
        assertThat(readerFinds("comments", "   ")).contains("\"comments\":[]");
    }

    @Test
    void hostileQueriesNeverFailOnAnyOfTheSearchEndpoints() throws Exception {
        List<String> hostile = List.of("\"", "\"unbalanced", "*", "harbour*", "NEAR(harbour story, 2)", "((((", "))", "a OR", "AND",
                "NOT harbour", "headline:harbour", "{headline body}: x", "^harbour", "harbour + -story", "' or 1=1 --",
                "%_\\!", "\u0000nul", "\u202Eevil", "😀 harbour 😀", "\u0301", "x".repeat(1500), "harbour ".repeat(150),
                "a:* & !b | (c <-> d)");
        for (String text : hostile) {
            for (String path : List.of("/search?q=", "/api/v1/search/articles?q=", "/api/v1/search/comments?q=")) {
                HttpResponse<String> r = reader(path + q(text));
                assertThat(r.statusCode()).as(path + text).isEqualTo(200);
            }
            String filter = text.length() > 300 ? text.substring(0, 300) : text;
            HttpResponse<String> staff = moderator.get("/admin/comments/search?q=" + q(text) + "&author=" + q(filter) + "&article=" + q(filter));
            assertThat(staff.statusCode()).as("staff " + text).isEqualTo(200);
        }
        // Longer than any URL a server takes: refused by the server itself, never a failure.
        assertThat(reader("/search?q=" + "y".repeat(20_000)).statusCode()).isBetween(400, 499);
        assertThat(reader("/api/v1/search/articles?q=harbour&limit=999").statusCode()).isEqualTo(422);
    }

    @Test
    void heldCommentsAreNeverFoundByReadersWhileStaffFindThemByStatus() throws Exception {
        Article a = article("premoderated-pier", "Pier repairs", "The pier needs work.");
        t.app.discussions.setPremoderated(t.app.discussions.forArticle(a.id()).orElseThrow().id(), true);
        long held = post("premoderated-pier", "Quentin Held", "The albatross nests under the pier.");
        assertThat(readerFinds("comments", "albatross")).contains("\"comments\":[]");
        assertThat(reader("/search?q=albatross").body()).contains("No comments mention").doesNotContain("/c/" + held);

        String pending = moderator.get("/admin/comments/search?q=albatross&status=pending").body();
        assertThat(pending).contains("id=\"c" + held + "\"").contains("<mark>albatross</mark>").contains("awaiting review");
        assertThat(moderator.get("/admin/comments/search?q=albatross&status=published").body()).doesNotContain("id=\"c" + held + "\"");
        assertThat(moderator.get("/admin/comments/search?q=albatross").body()).contains("id=\"c" + held + "\"");
        // Name and article filters, alone or together, with no words at all.
        assertThat(moderator.get("/admin/comments/search?author=quentin").body()).contains("id=\"c" + held + "\"");
        assertThat(moderator.get("/admin/comments/search?author=quentin&article=" + q("pier rep")).body()).contains("id=\"c" + held + "\"");
        assertThat(moderator.get("/admin/comments/search?author=quentin&article=harbour").body())
                .doesNotContain("id=\"c" + held + "\"").contains("No comments match");

        // Approving publishes it to readers; hiding takes it away again.
        HttpResponse<String> approve = moderator.post("/admin/comments/" + held + "/restore", "back", "/admin/comments/search?q=albatross");
        assertThat(approve.headers().firstValue("Location").orElseThrow()).startsWith("/admin/comments/search?q=albatross");
        assertThat(readerFinds("comments", "albatross")).contains("\"id\":" + held);
        moderator.post("/admin/comments/" + held + "/hide", "reason", "off topic");
        assertThat(readerFinds("comments", "albatross")).doesNotContain("\"id\":" + held);
        assertThat(moderator.get("/admin/comments/search?q=albatross&status=rejected").body()).contains("id=\"c" + held + "\"");
    }

    @Test
    void staffSearchIsForSignedInStaffOnly() throws Exception {
        HttpResponse<String> r = reader("/admin/comments/search?q=harbour");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        assertThat(moderator.get("/admin/comments/search?status=nonsense").statusCode()).isEqualTo(422);
        assertThat(moderator.get("/admin/comments").body()).contains("action=\"/admin/comments/search\"");
    }

    @Test
    void newEditedAndDeletedCommentsShowInTheResultsAtOnce() throws Exception {
        HttpClient writer = TestTribune.browser();
        HttpResponse<String> posted = t.postForm(writer, "/articles/harbour-story/comments",
                form("name", "Wanda", "body", "A walrus was seen by the quay."));
        long id = Long.parseLong(posted.headers().firstValue("Location").orElseThrow().substring(3));
        assertThat(readerFinds("comments", "walrus")).contains("\"id\":" + id).contains("<mark>walrus</mark>");
        assertThat(reader("/search?q=walrus").body()).contains("<a href=\"/c/" + id + "\">Wanda</a>");

        HttpResponse<String> edited = t.postForm(writer, "/c/" + id + "/edit", form("body", "A narwhal was seen by the quay."));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
        assertThat(readerFinds("comments", "walrus")).doesNotContain("\"id\":" + id);
        assertThat(readerFinds("comments", "narwhal")).contains("\"id\":" + id);

        HttpResponse<String> deleted = t.postForm(writer, "/c/" + id + "/delete", "");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(303);
        assertThat(readerFinds("comments", "narwhal")).doesNotContain("\"id\":" + id);
        assertThat(moderator.get("/admin/comments/search?author=wanda&status=deleted").body()).contains("id=\"c" + id + "\"");
    }

    @Test
    void newEditedAndUnpublishedArticlesShowInTheResultsAtOnce() throws Exception {
        Article a = article("garden-story", "A gazebo for the park", "The gazebo will be built in spring.");
        assertThat(readerFinds("articles", "gazebo")).contains("\"slug\":\"garden-story\"");

        Newsroom.ArticleDraft renamed = new Newsroom.ArticleDraft("garden-story", "A pergola for the park", "",
                "The pergola will be built in spring.", t.author.id(), List.of("tests"), a.publishedAt());
        t.app.newsroom.update(a.id(), renamed);
        assertThat(readerFinds("articles", "gazebo")).doesNotContain("garden-story");
        assertThat(readerFinds("articles", "pergola")).contains("\"headlineHtml\":\"A <mark>pergola</mark> for the park\"");

        t.app.newsroom.update(a.id(), new Newsroom.ArticleDraft("garden-story", renamed.headline(), "", renamed.body(),
                t.author.id(), List.of("tests"), null));
        assertThat(readerFinds("articles", "pergola")).doesNotContain("garden-story");
    }
}

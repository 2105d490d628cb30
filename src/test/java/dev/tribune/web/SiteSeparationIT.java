package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import dev.tribune.domain.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sites on one Tribune: the test site answers at "localhost", a second one at "127.0.0.1",
 * so the URL chosen sets the Host header. Staff of one are strangers on the other.
 */
class SiteSeparationIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;
    static Site other;

    @BeforeAll
    static void start() {
        t = TestTribune.start();
        other = t.app.sites.add("127.0.0.1", "The Other Courier");
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
    }

    @AfterAll
    static void stop() { t.close(); }

    static String at(String host, String path) {
        return "http://" + host + ":" + t.port + path;
    }

    /** A client that sends only the cookies a test puts on each request. */
    static HttpClient plain() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> send(HttpClient c, HttpRequest.Builder r) throws Exception {
        return c.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aModeratorOfOneSiteIsNotSignedInOnAnother() throws Exception {
        HttpClient b = plain();
        HttpResponse<String> in = send(b, HttpRequest.newBuilder(URI.create(at("localhost", "/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", "mod@test.org", "password", PASSWORD))));
        assertThat(in.statusCode()).isEqualTo(303);
        String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tribune_staff="))
                .findFirst().orElseThrow().split(";", 2)[0];

        HttpResponse<String> home = send(b, HttpRequest.newBuilder(URI.create(at("localhost", "/admin"))).header("Cookie", cookie));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("The Test Gazette").contains("Mona Moderator");

        // The same cookie presented to the other site (say both live under one parent domain) opens nothing.
        HttpClient stranger = plain();
        HttpResponse<String> away = send(stranger, HttpRequest.newBuilder(URI.create(at("127.0.0.1", "/admin"))).header("Cookie", cookie));
        assertThat(away.statusCode()).isEqualTo(303);
        assertThat(away.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        HttpResponse<String> hide = send(stranger, HttpRequest.newBuilder(URI.create(at("127.0.0.1", "/admin/articles/1/comments")))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("open", "0"))));
        assertThat(hide.statusCode()).isEqualTo(303);
        assertThat(t.app.discussions.forArticle(t.article.id()).orElseThrow().open()).isTrue();

        // Nor do the account's credentials work there.
        HttpResponse<String> login = send(stranger, HttpRequest.newBuilder(URI.create(at("127.0.0.1", "/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", "mod@test.org", "password", PASSWORD))));
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("The Other Courier");
    }

    @Test
    void theConsoleOfASiteListsOnlyItsOwnArticlesAndComments() throws Exception {
        t.app.accounts.add(other.id(), "ed@other.org", "Ed Other", Role.ADMIN, PASSWORD, null);
        HttpClient b = TestTribune.browser();
        HttpResponse<String> in = send(b, HttpRequest.newBuilder(URI.create(at("127.0.0.1", "/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", "ed@other.org", "password", PASSWORD))));
        assertThat(in.statusCode()).isEqualTo(303);
        String list = send(b, HttpRequest.newBuilder(URI.create(at("127.0.0.1", "/admin")))).body();
        assertThat(list).contains("The Other Courier").doesNotContain("Harbour story");
        HttpResponse<String> foreign = send(b, HttpRequest.newBuilder(URI.create(at("127.0.0.1", "/admin/articles/" + t.article.id()))));
        assertThat(foreign.statusCode()).isEqualTo(404);
    }
}

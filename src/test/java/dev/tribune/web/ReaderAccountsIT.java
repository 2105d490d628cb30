package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.TestTribune;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenters;
import dev.tribune.identity.SignInThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Reader accounts through real HTTP and a real SMTP server: sign up, confirm, sign in, post, links, reset, tokens. */
class ReaderAccountsIT {
    static final String PASSWORD = "a long reader password";
    static final ObjectMapper JSON = new ObjectMapper();
    static ReaderMailbox mail;
    static TestTribune t;

    @BeforeAll
    static void start() {
        mail = new ReaderMailbox();
        t = TestTribune.startWith(s -> s.withMail(mail.url(), "The Test Gazette <comments@test.org>"));
    }

    @AfterAll
    static void stop() {
        t.close();
        mail.close();
    }

    @AfterEach
    void anyoneMayCommentAgain() {
        t.app.sites.setCommenting(t.site.id(), Commenters.ANYONE);
    }

    /** Signs up and confirms the address through the emailed link; returns nothing, the account is ready. */
    static void signUp(String email, String name) throws Exception {
        HttpClient b = TestTribune.browser();
        HttpResponse<String> r = t.postForm(b, "/account/sign-up", form("email", email, "displayName", name, "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Check your email");
        String link = mail.nextLink(email, "/account/verify?token=");
        assertThat(mail.lastSubject()).contains("Confirm your email address");
        assertThat(t.get(b, link).body()).contains("Address confirmed");
    }

    static String signIn(HttpClient b, String email) throws Exception {
        HttpResponse<String> in = t.postForm(b, "/account/sign-in", form("email", email, "password", PASSWORD, "next", "/articles/harbour-story"));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/articles/harbour-story");
        return in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tribune_reader=")).findFirst().orElseThrow();
    }

    static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a csrf field").isTrue();
        return m.group(1);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> api(String method, String path, String body, String bearer, String origin) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(t.url(path))).header("Accept", "application/json");
        if (body != null) r.header("Content-Type", "application/json");
        if (bearer != null) r.header("Authorization", "Bearer " + bearer);
        if (origin != null) r.header("Origin", origin);
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String apiSignIn(String email) throws Exception {
        HttpResponse<String> r = api("POST", "/api/v1/session", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r).path("token").asText();
    }

    @Test
    void aReaderSignsUpConfirmsSignsInAndPostsUnderTheirOwnName() throws Exception {
        HttpClient b = TestTribune.browser();
        HttpResponse<String> early = t.postForm(b, "/account/sign-up", form("email", "rita@test.org", "displayName", "Rita Reader",
                "password", PASSWORD));
        assertThat(early.statusCode()).isEqualTo(200);
        String verify = mail.nextLink("rita@test.org", "/account/verify?token=");
        // Not yet confirmed: the password alone does not sign in.
        HttpResponse<String> unconfirmed = t.postForm(b, "/account/sign-in", form("email", "rita@test.org", "password", PASSWORD));
        assertThat(unconfirmed.statusCode()).isEqualTo(403);
        assertThat(unconfirmed.body()).contains("confirm your address first").contains("value=\"rita@test.org\"");
        assertThat(t.get(b, verify).body()).contains("Address confirmed");
        HttpResponse<String> again = t.postForm(b, "/account/sign-up", form("email", "rita@test.org", "displayName", "Another",
                "password", PASSWORD));
        assertThat(again.statusCode()).isEqualTo(409);

        String cookie = signIn(b, "rita@test.org");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        String page = t.get(b, "/articles/harbour-story").body();
        assertThat(page).contains("Posting as").contains("Rita Reader");

        // A cookie-signed-in reader must echo the session's CSRF token.
        assertThat(t.postForm(b, "/articles/harbour-story/comments", form("body", "Without the token.")).statusCode()).isEqualTo(403);
        HttpResponse<String> posted = t.postForm(b, "/articles/harbour-story/comments",
                form("csrf", csrfOf(page), "name", "Somebody Else", "body", "The ferry timetable needs a rethink."));
        assertThat(posted.statusCode()).isEqualTo(303);
        long id = Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replace("/c/", ""));
        Comment c = t.app.threads.comment(id).orElseThrow();
        long readerId = t.app.readers.byEmail(t.site.id(), "rita@test.org").orElseThrow().id();
        assertThat(c.accountId()).isEqualTo(readerId);
        assertThat(c.authorName()).isEqualTo("Rita Reader");

        HttpResponse<String> profile = t.get(TestTribune.browser(), "/readers/" + readerId);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).contains("Rita Reader").contains("The ferry timetable needs a rethink.").contains("Harbour story");

        // She picks a handle; her page answers under it, and her profile shows beside nothing private.
        String account = t.get(b, "/account").body();
        HttpResponse<String> saved = t.postForm(b, "/account", form("csrf", csrfOf(account), "displayName", "Rita R.",
                "handle", "Rita_R", "avatarUrl", "https://img.test.org/rita.png", "bio", "Commuter."));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your profile is saved.");
        HttpResponse<String> byHandle = t.get(TestTribune.browser(), "/readers/rita_r");
        assertThat(byHandle.body()).contains("Rita R.").contains("Commuter.").contains("https://img.test.org/rita.png")
                .doesNotContain("rita@test.org");
        HttpResponse<String> badUrl = t.postForm(b, "/account", form("csrf", csrfOf(account), "displayName", "Rita R.",
                "avatarUrl", "javascript:alert(1)"));
        assertThat(badUrl.statusCode()).isEqualTo(422);
        assertThat(badUrl.body()).contains("value=\"javascript:alert(1)\"");
        assertThat(t.get(TestTribune.browser(), "/readers/nobody-here").statusCode()).isEqualTo(404);
    }

    @Test
    void aOneTimeLinkSignsInOnce() throws Exception {
        signUp("mags@test.org", "Mags Link");
        HttpClient b = TestTribune.browser();
        HttpResponse<String> asked = t.postForm(b, "/account/magic-link", form("email", "mags@test.org"));
        assertThat(asked.body()).contains("an email is on its way");
        String link = mail.nextLink("mags@test.org", "/account/magic?token=");
        // Opening the link only shows a button; posting it signs in.
        HttpResponse<String> shown = t.get(b, link);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(t.get(b, "/api/v1/session").body()).contains("\"reader\":null");
        String token = link.substring(link.indexOf("token=") + 6);
        HttpResponse<String> in = t.postForm(b, "/account/magic", form("token", token));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(json(t.get(b, "/api/v1/session")).path("reader").path("displayName").asText()).isEqualTo("Mags Link");
        HttpResponse<String> twice = t.postForm(TestTribune.browser(), "/account/magic", form("token", token));
        assertThat(twice.statusCode()).isEqualTo(410);
        HttpResponse<String> forged = t.postForm(TestTribune.browser(), "/account/magic", form("token", token.substring(0, token.length() - 2) + "xx"));
        assertThat(forged.statusCode()).isEqualTo(400);
        // An unknown address gets the same answer, and no email.
        int before = mail.received();
        assertThat(t.postForm(b, "/account/magic-link", form("email", "ghost@test.org")).body()).contains("an email is on its way");
        assertThat(mail.received()).isEqualTo(before);
    }

    @Test
    void aForgottenPasswordIsResetByEmailAndOldSessionsEnd() throws Exception {
        signUp("paul@test.org", "Paul Forgetful");
        HttpClient old = TestTribune.browser();
        signIn(old, "paul@test.org");
        HttpClient b = TestTribune.browser();
        t.postForm(b, "/account/reset", form("email", "paul@test.org"));
        String link = mail.nextLink("paul@test.org", "/account/reset/confirm?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(t.get(b, link).body()).contains("Choose a new password");
        HttpResponse<String> tooShort = t.postForm(b, "/account/reset/confirm", form("token", token, "password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        HttpResponse<String> done = t.postForm(b, "/account/reset/confirm", form("token", token, "password", "a brand new password"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(t.get(b, "/account").statusCode()).isEqualTo(200);
        assertThat(t.get(old, "/account").statusCode()).isEqualTo(303);
        assertThat(t.postForm(TestTribune.browser(), "/account/sign-in", form("email", "paul@test.org", "password", PASSWORD)).statusCode())
                .isEqualTo(401);
        assertThat(t.postForm(TestTribune.browser(), "/account/sign-in", form("email", "paul@test.org", "password", "a brand new password"))
                .statusCode()).isEqualTo(303);
        assertThat(t.postForm(b, "/account/reset/confirm", form("token", token, "password", "yet another password")).statusCode()).isEqualTo(410);
    }

    @Test
    void aBearerTokenPostsFromAnotherOriginWithoutCsrfButACookieCannot() throws Exception {
        signUp("bea@test.org", "Bea Bearer");
        String token = apiSignIn("bea@test.org");
        String path = "/api/v1/discussions/" + t.discussionId() + "/comments";
        HttpResponse<String> r = api("POST", path, "{\"body\":\"Posted from the embed.\"}", token, "http://host-site.example");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).toString()).contains("Bea Bearer");
        assertThat(json(api("GET", "/api/v1/session", null, token, null)).path("reader").path("email").asText()).isEqualTo("bea@test.org");
        HttpResponse<String> unknown = api("GET", "/api/v1/session", null, "made-up-token", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("problem+json");

        // The same session as a cookie is ambient: without the CSRF header it is refused.
        HttpResponse<String> ambient = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(t.url(path)))
                .header("Content-Type", "application/json").header("Cookie", "tribune_reader=" + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"Riding a cookie.\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ambient.statusCode()).isEqualTo(403);

        assertThat(api("DELETE", "/api/v1/session", null, token, null).statusCode()).isEqualTo(204);
        assertThat(api("GET", "/api/v1/session", null, token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutEverywhereEndsEverySession() throws Exception {
        signUp("eve@test.org", "Eve Everywhere");
        String phone = apiSignIn("eve@test.org");
        String laptop = apiSignIn("eve@test.org");
        HttpClient browser = TestTribune.browser();
        signIn(browser, "eve@test.org");
        HttpResponse<String> out = api("DELETE", "/api/v1/sessions", null, phone, null);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(json(out).path("ended").asInt()).isEqualTo(3);
        assertThat(api("GET", "/api/v1/session", null, laptop, null).statusCode()).isEqualTo(401);
        assertThat(t.get(browser, "/account").statusCode()).isEqualTo(303);
    }

    @Test
    void repeatedWrongPasswordsAreThrottled() throws Exception {
        signUp("tom@test.org", "Tom Throttled");
        for (int i = 0; i < SignInThrottle.MAX_PER_EMAIL; i++) {
            HttpResponse<String> r = api("POST", "/api/v1/session", "{\"email\":\"tom@test.org\",\"password\":\"guess " + i + "\"}", null, null);
            assertThat(r.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = api("POST", "/api/v1/session", "{\"email\":\"tom@test.org\",\"password\":\"" + PASSWORD + "\"}", null, null);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(json(locked).path("type").asText()).endsWith("/too-many-attempts");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tribune_reader="));
    }

    @Test
    void aSiteCanRequireAnAccountToComment() throws Exception {
        signUp("ann@test.org", "Ann Account");
        t.app.sites.setCommenting(t.site.id(), Commenters.ACCOUNTS);
        String path = "/api/v1/discussions/" + t.discussionId() + "/comments";
        int before = t.app.discussions.forArticle(t.article.id()).orElseThrow().commentCount();
        HttpResponse<String> guest = t.sendJson(TestTribune.browser(), "POST", path, "{\"name\":\"Guest\",\"body\":\"Let me in.\"}");
        assertThat(guest.statusCode()).isEqualTo(401);
        assertThat(json(guest).path("type").asText()).endsWith("/account-required");
        assertThat(t.app.discussions.forArticle(t.article.id()).orElseThrow().commentCount()).isEqualTo(before);
        HttpResponse<String> page = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", form("name", "Guest", "body", "Let me in."));
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Please sign in to comment here.").contains("Let me in.");
        assertThat(api("POST", path, "{\"body\":\"Signed in, so welcome.\"}", apiSignIn("ann@test.org"), null).statusCode()).isEqualTo(201);

        // Subscribers only: a plain reader account is not enough.
        t.app.sites.setCommenting(t.site.id(), Commenters.SUBSCRIBERS);
        HttpResponse<String> reader = api("POST", path, "{\"body\":\"Am I a subscriber?\"}", apiSignIn("ann@test.org"), null);
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(json(reader).path("type").asText()).endsWith("/subscribers-only");
    }

    @Test
    void eachCommentingModeHoldsOnThePageAndTheApiForGuestsReadersAndSubscribers() throws Exception {
        signUp("rex@test.org", "Rex Reader");
        signUp("sue@test.org", "Sue Subscriber");
        t.app.db.update(h -> h.createUpdate("update account set role = 'subscriber' where email = 'sue@test.org'").execute());
        String path = "/api/v1/discussions/" + t.discussionId() + "/comments";
        HttpClient readerBrowser = TestTribune.browser();
        signIn(readerBrowser, "rex@test.org");
        String rex = apiSignIn("rex@test.org");
        String sue = apiSignIn("sue@test.org");
        for (Commenters who : Commenters.values()) {
            t.app.sites.setCommenting(t.site.id(), who);
            String text = " in mode " + who.db() + ".";
            // The article page: a guest's form, then a signed-in reader's.
            HttpResponse<String> guestPage = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments",
                    form("name", "Gil Guest", "body", "Guest page" + text));
            HttpResponse<String> readerPage = t.postForm(readerBrowser, "/articles/harbour-story/comments",
                    form("csrf", csrfOf(t.get(readerBrowser, "/articles/harbour-story").body()), "body", "Reader page" + text));
            // The API, as the embed and apps use it.
            HttpResponse<String> guestApi = t.sendJson(TestTribune.browser(), "POST", path, "{\"name\":\"Gil\",\"body\":\"Guest api" + text + "\"}");
            HttpResponse<String> readerApi = api("POST", path, "{\"body\":\"Reader api" + text + "\"}", rex, null);
            HttpResponse<String> subscriberApi = api("POST", path, "{\"body\":\"Subscriber api" + text + "\"}", sue, null);

            assertThat(subscriberApi.statusCode()).as(who + " subscriber " + subscriberApi.body()).isEqualTo(201);
            switch (who) {
                case ANYONE -> {
                    assertThat(guestPage.statusCode()).as(guestPage.body()).isEqualTo(303);
                    assertThat(guestApi.statusCode()).isEqualTo(201);
                    assertThat(readerPage.statusCode()).isEqualTo(303);
                    assertThat(readerApi.statusCode()).isEqualTo(201);
                }
                case ACCOUNTS -> {
                    assertThat(guestPage.statusCode()).isEqualTo(401);
                    assertThat(guestPage.body()).contains("Please sign in to comment here.").contains("Guest page" + text);
                    assertThat(json(guestApi).path("type").asText()).endsWith("/account-required");
                    assertThat(readerPage.statusCode()).isEqualTo(303);
                    assertThat(readerApi.statusCode()).isEqualTo(201);
                }
                case SUBSCRIBERS -> {
                    assertThat(guestPage.statusCode()).isEqualTo(401);
                    assertThat(guestPage.body()).contains("Only subscribers can comment here").contains("Guest page" + text);
                    assertThat(json(guestApi).path("type").asText()).endsWith("/subscribers-only");
                    assertThat(readerPage.statusCode()).isEqualTo(403);
                    assertThat(readerPage.body()).contains("Only subscribers can comment here.").contains("Reader page" + text);
                    assertThat(readerApi.statusCode()).isEqualTo(403);
                    assertThat(json(readerApi).path("type").asText()).endsWith("/subscribers-only");
                }
            }
            long stored = t.app.db.read(h -> h.createQuery("select count(*) from comment where body_md like ?")
                    .bind(0, "%" + text).mapTo(Long.class).one());
            assertThat(stored).as("comments kept in mode " + who).isEqualTo(switch (who) {
                case ANYONE -> 5;
                case ACCOUNTS -> 3;
                case SUBSCRIBERS -> 1;
            });
        }
    }
}

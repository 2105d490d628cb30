package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tribune.TestTribune;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Role;
import dev.tribune.domain.Site;
import dev.tribune.domain.Commenters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-on from the host site: HS256 tokens made with each site's secret, exchanged for a reader
 * session. Two sites share the server: "localhost" and "127.0.0.1" (the URL picks the Host).
 */
class SsoIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestTribune t;
    static Site other;
    static String secret;
    static String otherSecret;

    @BeforeAll
    static void start() {
        t = TestTribune.start();
        other = t.app.sites.add("127.0.0.1", "The Other Courier");
        secret = t.app.signOn.newSsoSecret(t.site.id());
        otherSecret = t.app.signOn.newSsoSecret(other.id());
    }

    @AfterAll
    static void stop() { t.close(); }

    static String at(String host, String path) {
        return "http://" + host + ":" + t.port + path;
    }

    static String token(String key, String audience, Instant issued, Instant expires, String sub, String role, List<String> badges)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(sub).audience(audience).issueTime(Date.from(issued))
                .expirationTime(Date.from(expires)).claim("email", sub + "@readers.test.org").claim("name", "Sam " + sub)
                .claim("avatar", "https://img.test.org/" + sub + ".png").claim("role", role).claim("badges", badges).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    static String fresh(String sub, String role, List<String> badges) throws Exception {
        return token(secret, "localhost", Instant.now(), Instant.now().plusSeconds(300), sub, role, badges);
    }

    static HttpResponse<String> exchange(String host, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at(host, "/sso/session")))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Origin", "http://newsroom.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postComment(String host, long discussion, String bearer, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(at(host, "/api/v1/discussions/" + discussion + "/comments")))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (bearer != null) r.header("Authorization", "Bearer " + bearer);
        return HttpClient.newHttpClient().send(r.POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"" + body + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void aValidTokenSignsTheReaderInUnderTheirNameAndBadge() throws Exception {
        HttpResponse<String> r = exchange("localhost", fresh("u-100", "subscriber", List.of("Founding member")));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode s = json(r);
        assertThat(s.path("reader").path("displayName").asText()).isEqualTo("Sam u-100");
        assertThat(s.path("reader").path("role").asText()).isEqualTo("subscriber");
        assertThat(r.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tribune_reader=") && c.contains("HttpOnly"));

        HttpResponse<String> posted = postComment("localhost", t.discussionId(), s.path("token").asText(), "Signed in by my newsroom.");
        assertThat(posted.statusCode()).isEqualTo(201);
        Comment c = t.app.threads.comment(json(posted).path("id").asLong()).orElseThrow();
        assertThat(c.authorName()).isEqualTo("Sam u-100");
        assertThat(c.badge()).isEqualTo("Founding member");
        assertThat(c.accountId()).isEqualTo(s.path("reader").path("id").asLong());

        // The same person again (a new token, new details): the same account, brought up to date.
        JsonNode again = json(exchange("localhost", fresh("u-100", "reader", List.of())));
        assertThat(again.path("reader").path("id").asLong()).isEqualTo(s.path("reader").path("id").asLong());
        assertThat(again.path("reader").path("role").asText()).isEqualTo("reader");

        // Logging out from the host page ends the session.
        HttpResponse<String> out = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at("localhost", "/sso/session")))
                .header("Authorization", "Bearer " + again.path("token").asText()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(postComment("localhost", t.discussionId(), again.path("token").asText(), "Still here?").statusCode()).isEqualTo(401);
    }

    @Test
    void expiredFutureLongLivedForgedAndForeignTokensAreRefused() throws Exception {
        Instant now = Instant.now();
        int accounts = t.app.accounts.forSite(t.site.id()).size();
        String expired = token(secret, "localhost", now.minusSeconds(900), now.minusSeconds(300), "u-200", "reader", List.of());
        String future = token(secret, "localhost", now.plusSeconds(600), now.plusSeconds(900), "u-200", "reader", List.of());
        String tooLong = token(secret, "localhost", now, now.plusSeconds(86_400), "u-200", "reader", List.of());
        String wrongKey = token("not-the-site-secret-but-long-enough-0123456789", "localhost", now, now.plusSeconds(300), "u-200", "reader", List.of());
        String forSiteA = fresh("u-200", "reader", List.of());
        for (String bad : List.of(expired, future, tooLong, wrongKey)) {
            HttpResponse<String> r = exchange("localhost", bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(401);
            assertThat(json(r).path("type").asText()).endsWith("/invalid-sso-token");
            assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tribune_reader="));
        }
        assertThat(json(exchange("localhost", expired)).path("detail").asText()).contains("xpired");
        // Site A's token on site B: B's secret does not verify it, and its audience names A.
        assertThat(exchange("127.0.0.1", forSiteA).statusCode()).isEqualTo(401);
        String signedWithBsSecretForA = token(otherSecret, "localhost", now, now.plusSeconds(300), "u-200", "reader", List.of());
        HttpResponse<String> wrongAudience = exchange("127.0.0.1", signedWithBsSecretForA);
        assertThat(wrongAudience.statusCode()).isEqualTo(401);
        assertThat(json(wrongAudience).path("detail").asText()).contains("aud");
        assertThat(t.app.readers.byEmail(t.site.id(), "u-200@readers.test.org")).isEmpty();
        assertThat(t.app.readers.byEmail(other.id(), "u-200@readers.test.org")).isEmpty();
        assertThat(t.app.accounts.forSite(t.site.id())).hasSize(accounts);
        assertThat(exchange("localhost", "not.a.jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void subscriberOnlyCommentingLetsSubscribersAndHostStaffIn() throws Exception {
        t.app.sites.setCommenting(t.site.id(), Commenters.SUBSCRIBERS);
        try {
            subscribersOnly();
        } finally {
            t.app.sites.setCommenting(t.site.id(), Commenters.ANYONE);
        }
    }

    private void subscribersOnly() throws Exception {
        String key = secret;
        long discussion = t.discussionId();
        Instant now = Instant.now();
        String reader = json(exchange("localhost", token(key, "localhost", now, now.plusSeconds(300), "r1", "reader", List.of())))
                .path("token").asText();
        String subscriber = json(exchange("localhost", token(key, "localhost", now, now.plusSeconds(300), "s1", "subscriber", List.of())))
                .path("token").asText();
        String staff = json(exchange("localhost", token(key, "localhost", now, now.plusSeconds(300), "e1", "staff", List.of())))
                .path("token").asText();
        assertThat(postComment("localhost", discussion, null, "Guest here.").statusCode()).isEqualTo(401);
        HttpResponse<String> refused = postComment("localhost", discussion, reader, "Reader here.");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).path("type").asText()).endsWith("/subscribers-only");
        HttpResponse<String> sub = postComment("localhost", discussion, subscriber, "Subscriber here.");
        assertThat(sub.statusCode()).isEqualTo(201);
        assertThat(t.app.threads.comment(json(sub).path("id").asLong()).orElseThrow().badge()).isEqualTo("Subscriber");
        HttpResponse<String> st = postComment("localhost", discussion, staff, "Editor here.");
        assertThat(st.statusCode()).isEqualTo(201);
        assertThat(t.app.threads.comment(json(st).path("id").asLong()).orElseThrow().badge()).isEqualTo("Staff");
        // The host's "staff" role is a badge, not Tribune's console.
        HttpResponse<String> console = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at("localhost", "/admin")))
                .header("Authorization", "Bearer " + staff).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(303);
    }

    @Test
    void sessionsAndAccountsOfOneSiteAreStrangersOnAnother() throws Exception {
        String token = json(exchange("localhost", fresh("u-300", "subscriber", List.of()))).path("token").asText();
        long otherDiscussion = t.app.discussions.forArticle(t.app.newsroom.create(other.id(), new dev.tribune.publishing.Newsroom.ArticleDraft(
                "other-story", "Other story", "", "Text.", null, List.of(), Instant.now().minusSeconds(60))).id()).orElseThrow().id();
        // Site A's bearer token on site B: no such session there.
        assertThat(postComment("127.0.0.1", otherDiscussion, token, "Crossing over.").statusCode()).isEqualTo(401);
        HttpResponse<String> cookie = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at("127.0.0.1", "/api/v1/session")))
                .header("Cookie", "tribune_reader=" + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(cookie).path("reader").isNull()).isTrue();

        // A moderator of site A: their staff session is nobody on site B, and their password is no reader's.
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, "correct horse battery", null);
        HttpResponse<String> in = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at("localhost", "/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", "mod@test.org", "password", "correct horse battery"))).build(),
                HttpResponse.BodyHandlers.ofString());
        String staffCookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tribune_staff="))
                .findFirst().orElseThrow().split(";", 2)[0];
        HttpResponse<String> onB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at("127.0.0.1",
                        "/api/v1/discussions/" + otherDiscussion + "/comments")))
                .header("Cookie", staffCookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Mona\",\"body\":\"Posting on B.\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(201);
        Comment c = t.app.threads.comment(json(onB).path("id").asLong()).orElseThrow();
        assertThat(c.accountId()).isNull();
        assertThat(c.badge()).isNull();
        HttpResponse<String> asReader = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(at("localhost", "/account/sign-in")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("email", "mod@test.org", "password", "correct horse battery"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(asReader.statusCode()).isEqualTo(401);
    }
}

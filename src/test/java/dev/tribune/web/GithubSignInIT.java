package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tribune.TestTribune;
import dev.tribune.domain.Reader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with GitHub's plain OAuth 2 (no ID token) against a small fake GitHub on loopback that
 * checks what the real one checks: the client secret, the redirect URI, one use per code and the
 * PKCE verifier; then answers /user and /user/emails.
 */
class GithubSignInIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestTribune t;
    static HttpServer github;
    /** The GitHub user and email list the fake answers with next. */
    static volatile Map<String, Object> user;
    static volatile List<Map<String, Object>> emails;
    /** Codes given out and not yet redeemed: code → [challenge, redirect_uri]. */
    static final Map<String, String[]> codes = new ConcurrentHashMap<>();
    static final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/login/oauth/authorize", GithubSignInIT::authorize);
        github.createContext("/login/oauth/access_token", GithubSignInIT::token);
        github.createContext("/api/v3/user", GithubSignInIT::api);
        github.start();
        t = TestTribune.start();
        t.app.signOn.addProvider(t.site.id(), "github", "github", "GitHub", "http://127.0.0.1:" + github.getAddress().getPort(),
                "gh-client", "gh-secret");
    }

    @AfterAll
    static void stop() {
        t.close();
        github.stop(0);
    }

    // ---- the fake GitHub ----

    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    static void answer(HttpExchange x, int status, Object body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    static void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = form(x.getRequestURI().getRawQuery());
        if (!"gh-client".equals(q.get("client_id")) || !"S256".equals(q.get("code_challenge_method")) || q.get("state") == null) {
            answer(x, 400, Map.of("error", "bad request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new String[] {q.get("code_challenge"), q.get("redirect_uri")});
        x.getResponseHeaders().set("Location", q.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    static void token(HttpExchange x) throws IOException {
        Map<String, String> f = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] issued = codes.remove(f.getOrDefault("code", ""));
        // GitHub answers token errors with 200 and an "error" field.
        if (!"gh-client".equals(f.get("client_id")) || !"gh-secret".equals(f.get("client_secret"))) {
            answer(x, 200, Map.of("error", "incorrect_client_credentials"));
        } else if (issued == null || !issued[1].equals(f.get("redirect_uri"))) {
            answer(x, 200, Map.of("error", "bad_verification_code"));
        } else if (!issued[0].equals(challenge(f.getOrDefault("code_verifier", "")))) {
            answer(x, 200, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
        } else {
            String access = "gho_" + UUID.randomUUID();
            accessTokens.put(access, true);
            answer(x, 200, Map.of("access_token", access, "token_type", "bearer", "scope", "read:user,user:email"));
        }
    }

    static void api(HttpExchange x) throws IOException {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !accessTokens.containsKey(auth.replaceFirst("^Bearer ", ""))) {
            answer(x, 401, Map.of("message", "Bad credentials"));
            return;
        }
        answer(x, 200, x.getRequestURI().getPath().endsWith("/emails") ? emails : user);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the reader's side ----

    /** Runs the whole flow in a fresh browser; returns Tribune's answer to the callback. */
    static HttpResponse<String> signIn(HttpClient b) throws Exception {
        HttpResponse<String> start = t.get(b, "/account/providers/github/start?next=/articles/harbour-story");
        assertThat(start.statusCode()).isEqualTo(303);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith("http://127.0.0.1:" + github.getAddress().getPort() + "/login/oauth/authorize?")
                .contains("scope=read%3Auser+user%3Aemail").contains("code_challenge=");
        HttpResponse<String> back = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(302);
        String callback = back.headers().firstValue("Location").orElseThrow();
        return t.get(b, callback.substring(callback.indexOf("/account/")));
    }

    static JsonNode me(HttpClient b) throws Exception {
        return JSON.readTree(t.get(b, "/api/v1/session").body()).path("reader");
    }

    @Test
    void aGithubUserWithAVerifiedPrimaryEmailSignsInAndIsLinkedToTheirEarlierAccount() throws Exception {
        Reader before = t.app.readers.signUp(t.site.id(), "gina@test.org", "a long reader password", "Gina Before");
        user = Map.of("id", 4242, "login", "gina-gh", "name", "Gina Hub", "avatar_url", "https://avatars.test.org/u/4242");
        emails = List.of(
                Map.of("email", "gina.old@test.org", "primary", false, "verified", true),
                Map.of("email", "gina@test.org", "primary", true, "verified", true),
                Map.of("email", "gina.typo@test.org", "primary", false, "verified", false));
        HttpClient b = TestTribune.browser();
        HttpResponse<String> done = signIn(b);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/articles/harbour-story");
        JsonNode gina = me(b);
        assertThat(gina.path("id").asLong()).isEqualTo(before.id());
        assertThat(gina.path("email").asText()).isEqualTo("gina@test.org");
        // GitHub vouched for the address, so the account counts as verified now.
        assertThat(gina.path("emailVerified").asBoolean()).isTrue();

        // Next time GitHub's user id finds the account, whatever the email list says by then.
        emails = List.of(Map.of("email", "gina.new@test.org", "primary", true, "verified", true));
        HttpClient c = TestTribune.browser();
        assertThat(signIn(c).statusCode()).isEqualTo(303);
        assertThat(me(c).path("id").asLong()).isEqualTo(before.id());
    }

    @Test
    void aGithubUserWithoutAVerifiedEmailIsToldSoAndNotSignedIn() throws Exception {
        user = Map.of("id", 5151, "login", "nova-gh");
        emails = List.of(Map.of("email", "nova@test.org", "primary", true, "verified", false));
        HttpClient b = TestTribune.browser();
        HttpResponse<String> refused = signIn(b);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("did not share an email address");
        assertThat(me(b).isNull()).isTrue();
        assertThat(t.app.readers.byEmail(t.site.id(), "nova@test.org")).isEmpty();
    }
}

package dev.tribune.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.TestTribune;
import dev.tribune.domain.Reader;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in with a real OpenID Connect server (mock-oauth2-server) running beside the test Tribune. */
class ProviderSignInIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static MockOAuth2Server oidc;
    static TestTribune t;

    @BeforeAll
    static void start() {
        oidc = new MockOAuth2Server();
        oidc.start();
        t = TestTribune.start();
        t.app.signOn.addProvider(t.site.id(), "keycloak", "oidc", "Keycloak", oidc.issuerUrl("default").toString(),
                "tribune-client", "tribune-secret");
    }

    @AfterAll
    static void stop() {
        t.close();
        oidc.shutdown();
    }

    /** The provider's answer will name this person. */
    static void nextUser(String subject, String email, boolean verified) {
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("tribune-client"),
                Map.of("email", email, "email_verified", verified, "name", "Olive " + subject), 3600));
    }

    /** Starts the sign-in in this browser; returns the provider's authorization URL. */
    static String begin(HttpClient b) throws Exception {
        HttpResponse<String> start = t.get(b, "/account/providers/keycloak/start?next=/articles/harbour-story");
        assertThat(start.statusCode()).isEqualTo(303);
        assertThat(start.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tribune_signin=") && c.contains("HttpOnly"));
        String location = start.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(oidc.issuerUrl("default").toString()).contains("code_challenge_method=S256")
                .contains("code_challenge=").contains("state=").contains("nonce=");
        return location;
    }

    /** Lets the provider answer the authorization request; returns Tribune's callback path with code and state. */
    static String authorize(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String back = r.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/account/providers/keycloak/callback?code=");
        return back.substring(back.indexOf("/account/"));
    }

    @Test
    void theFullCodeFlowSignsTheReaderIn() throws Exception {
        nextUser("olive-1", "olive@test.org", true);
        HttpClient b = TestTribune.browser();
        assertThat(t.get(b, "/account/sign-in").body()).contains("Sign in with Keycloak");
        String callback = authorize(begin(b));
        HttpResponse<String> done = t.get(b, callback);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).hasValue("/articles/harbour-story");
        assertThat(done.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("tribune_reader="));
        var me = JSON.readTree(t.get(b, "/api/v1/session").body()).path("reader");
        assertThat(me.path("displayName").asText()).isEqualTo("Olive olive-1");
        assertThat(me.path("emailVerified").asBoolean()).isTrue();
        // The callback cannot be replayed: the pending sign-in is gone from the browser.
        assertThat(t.get(b, callback).statusCode()).isEqualTo(400);
    }

    @Test
    void aVerifiedEmailLinksToTheReaderWhoSignedUpBefore() throws Exception {
        Reader before = t.app.readers.signUp(t.site.id(), "linda@test.org", "a long reader password", "Linda Linked");
        nextUser("linda-sub", "linda@test.org", true);
        HttpClient b = TestTribune.browser();
        assertThat(t.get(b, authorize(begin(b))).statusCode()).isEqualTo(303);
        assertThat(JSON.readTree(t.get(b, "/api/v1/session").body()).path("reader").path("id").asLong()).isEqualTo(before.id());

        // An unverified address is not enough to take over someone's account.
        t.app.readers.signUp(t.site.id(), "uma@test.org", "a long reader password", "Uma Unlinked");
        nextUser("uma-sub", "uma@test.org", false);
        HttpClient c = TestTribune.browser();
        HttpResponse<String> refused = t.get(c, authorize(begin(c)));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("has not verified");
        assertThat(JSON.readTree(t.get(c, "/api/v1/session").body()).path("reader").isNull()).isTrue();
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() throws Exception {
        // No answer is queued at the provider: a refused callback never reaches its token endpoint.
        HttpClient b = TestTribune.browser();
        String callback = authorize(begin(b));
        String forged = callback.replaceFirst("state=[^&]+", "state=forged-state");
        HttpResponse<String> r = t.get(b, forged);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("state mismatch");
        assertThat(t.app.readers.byEmail(t.site.id(), "mallory@test.org")).isEmpty();
        // A callback in a browser that never started the sign-in is refused too.
        assertThat(t.get(TestTribune.browser(), callback).statusCode()).isEqualTo(400);
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        nextUser("nora", "nora@test.org", true);
        HttpClient b = TestTribune.browser();
        String tampered = begin(b).replaceFirst("nonce=[^&]+", "nonce=someone-elses-nonce");
        HttpResponse<String> r = t.get(b, authorize(tampered));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("ID token could not be verified");
        assertThat(t.app.readers.byEmail(t.site.id(), "nora@test.org")).isEmpty();
    }
}

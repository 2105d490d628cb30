package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tribune.TestTribune;
import dev.tribune.domain.Commenters;
import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
import dev.tribune.identity.SignedLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embed's side of the API, as a browser on another origin calls it: no cookies, an Origin
 * header, Sec-Fetch-Site cross-site. Two sites share one Tribune ("localhost" and "127.0.0.1");
 * the comments host is always 127.0.0.1, so only the Origin tells which site an embed belongs to.
 */
class EmbedApiIT {
    static final String GAZETTE = "https://gazette.example";
    static final String COURIER = "https://courier.example";
    static TestTribune t;
    static Site courier;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        t = TestTribune.start();
        courier = t.app.sites.add("127.0.0.1", "The Other Courier");
        t.app.sites.allowOrigin(t.site.id(), GAZETTE);
        t.app.sites.allowOrigin(courier.id(), COURIER);
        // Every test writer shares one loopback address; the flood limits are another test's subject.
        for (Site s : t.app.sites.all()) {
            t.app.policies.change(s.id(), java.util.Map.of("maxPerHourPerIp", "10000", "floodSeconds", "0", "maxPerMinute", "100"), null);
        }
    }

    @AfterAll
    static void stop() { t.close(); }

    static String q(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** A request as an embed on `origin` sends it: cross-site, no cookies. */
    static HttpRequest.Builder from(String origin, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path))).header("Accept", "application/json");
        if (origin != null) b.header("Origin", origin).header("Sec-Fetch-Site", "cross-site");
        return b;
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(HttpRequest.Builder b, String json) throws Exception {
        return send(b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Responses.JSON.readTree(r.body());
    }

    static long pageOn(String origin, String url) throws Exception {
        HttpResponse<String> r = send(from(origin, "/api/v1/pages?url=" + q(url) + "&title=" + q("A story")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("discussion").path("id").asLong();
    }

    @Test
    void aPageGetsOneDiscussionOnFirstVisitWhateverNoiseItsUrlCarries() throws Exception {
        HttpResponse<String> first = send(from(GAZETTE, "/api/v1/pages?url=" + q(GAZETTE + "/2026/ferry/") + "&title=" + q("Ferry story")));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains(GAZETTE);
        assertThat(first.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        JsonNode page = json(first);
        assertThat(page.path("page").path("key").asText()).isEqualTo("url:" + GAZETTE + "/2026/ferry");
        assertThat(page.path("site").path("name").asText()).isEqualTo("The Test Gazette");
        assertThat(page.path("discussion").path("commentCount").asInt()).isZero();
        long id = page.path("discussion").path("id").asLong();
        assertThat(t.app.discussions.byId(id).orElseThrow().siteId()).isEqualTo(t.site.id());

        assertThat(pageOn(GAZETTE, "HTTPS://Gazette.example:443/2026/ferry?utm_source=x#comments")).isEqualTo(id);
        assertThat(pageOn(GAZETTE, GAZETTE + "/2026/other")).isNotEqualTo(id);
        // Named by an explicit id, two URLs are one page.
        HttpResponse<String> byId = send(from(GAZETTE, "/api/v1/pages?id=story-1&url=" + q(GAZETTE + "/a")));
        HttpResponse<String> again = send(from(GAZETTE, "/api/v1/pages?id=story-1&url=" + q(GAZETTE + "/b")));
        assertThat(json(byId).path("discussion").path("id").asLong()).isEqualTo(json(again).path("discussion").path("id").asLong());
    }

    @Test
    void aPageOnAnOriginNoSiteAllowsIsRefusedReadablyAndNothingIsCreated() throws Exception {
        int before = discussionRows();
        HttpResponse<String> stranger = send(from("https://evil.example", "/api/v1/pages?url=" + q("https://evil.example/x")));
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(stranger).path("type").asText()).endsWith("/origin-not-allowed");
        assertThat(json(stranger).path("detail").asText()).contains("https://evil.example").contains("site origins");
        // The refusal itself is readable by the page, so the embed can say why.
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).contains("https://evil.example");

        // An allowed embedder cannot open discussions for pages elsewhere.
        HttpResponse<String> elsewhere = send(from(GAZETTE, "/api/v1/pages?url=" + q("https://evil.example/x")));
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(json(elsewhere).path("type").asText()).endsWith("/origin-not-allowed");
        // Nor a server calling without Origin.
        HttpResponse<String> server = send(from(null, "/api/v1/pages?url=" + q("https://evil.example/x")));
        assertThat(server.statusCode()).isEqualTo(403);
        assertThat(discussionRows()).isEqualTo(before);
    }

    @Test
    void preflightsAreAnsweredForAllowedOriginsOnly() throws Exception {
        HttpResponse<String> ok = send(from(GAZETTE, "/api/v1/discussions/1/comments")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, tribune-browser")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains(GAZETTE);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Tribune-Browser").contains("Authorization");
        assertThat(ok.headers().firstValue("Vary")).contains("Origin");

        HttpResponse<String> no = send(from("https://evil.example", "/api/v1/discussions/1/comments")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(no.statusCode()).isEqualTo(403);
        assertThat(no.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aGuestOnAnAllowedOriginPostsVotesAndReportsWithAHeaderTokenAndNoCookie() throws Exception {
        long d = pageOn(GAZETTE, GAZETTE + "/guest-story");
        HttpResponse<String> posted = postJson(from(GAZETTE, "/api/v1/discussions/" + d + "/comments"),
                "{\"name\":\"Gwen Guest\",\"body\":\"Posted through the embed.\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(posted.headers().firstValue("Access-Control-Allow-Origin")).contains(GAZETTE);
        assertThat(posted.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("Tribune-Browser");
        String token = posted.headers().firstValue("Tribune-Browser").orElseThrow();
        long comment = json(posted).path("id").asLong();

        HttpResponse<String> reply = postJson(from(GAZETTE, "/api/v1/discussions/" + d + "/comments").header("Tribune-Browser", token),
                "{\"name\":\"Gwen Guest\",\"body\":\"And a reply to myself.\",\"parentId\":" + comment + "}");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(reply.headers().firstValue("Tribune-Browser")).as("a known browser gets no new token").isEmpty();

        // The same browser token is the same writer: its own comment cannot take its vote...
        HttpResponse<String> own = postJson(from(GAZETTE, "/api/v1/comments/" + comment + "/vote").header("Tribune-Browser", token), "{\"value\":1}");
        assertThat(own.statusCode()).isEqualTo(403);
        // ... while another reader's can, and their /me shows it.
        HttpResponse<String> other = postJson(from(GAZETTE, "/api/v1/comments/" + comment + "/vote"), "{\"value\":1}");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
        String voter = other.headers().firstValue("Tribune-Browser").orElseThrow();
        HttpResponse<String> me = send(from(GAZETTE, "/api/v1/discussions/" + d + "/me").header("Tribune-Browser", voter));
        assertThat(json(me).path("myVotes").path(Long.toString(comment)).asInt()).isEqualTo(1);

        HttpResponse<String> report = postJson(from(GAZETTE, "/api/v1/comments/" + comment + "/report").header("Tribune-Browser", voter),
                "{\"reason\":\"spam\"}");
        assertThat(report.statusCode()).as(report.body()).isEqualTo(202);

        HttpResponse<String> thread = send(from(GAZETTE, "/api/v1/discussions/" + d + "/comments"));
        assertThat(thread.body()).contains("Posted through the embed.").contains("And a reply to myself.");
        assertThat(thread.headers().firstValue("Access-Control-Allow-Origin")).contains(GAZETTE);
    }

    @Test
    void crossSiteWritesCarryingCookiesOrFromOtherOriginsAreStillRefused() throws Exception {
        long d = pageOn(GAZETTE, GAZETTE + "/csrf-story");
        String cookie = Visitors.BROWSER_COOKIE + "=" + t.app.signer.newBrowserToken();
        HttpResponse<String> withCookie = postJson(from(GAZETTE, "/api/v1/discussions/" + d + "/comments").header("Cookie", cookie),
                "{\"name\":\"Cora\",\"body\":\"Borrowing the reader's cookie.\"}");
        assertThat(withCookie.statusCode()).isEqualTo(403);
        assertThat(json(withCookie).path("type").asText()).endsWith("/csrf");

        HttpResponse<String> evil = postJson(from("https://evil.example", "/api/v1/discussions/" + d + "/comments"),
                "{\"name\":\"Eve\",\"body\":\"From a page nobody allowed.\"}");
        assertThat(evil.statusCode()).isIn(403, 404);
        // The courier's embed cannot write into the gazette's discussion: it is not its site's.
        HttpResponse<String> courierWrite = postJson(from(COURIER, "/api/v1/discussions/" + d + "/comments"),
                "{\"name\":\"Cy\",\"body\":\"Across sites.\"}");
        assertThat(courierWrite.statusCode()).isEqualTo(404);
        assertThat(t.app.discussions.byId(d).orElseThrow().commentCount()).isZero();
    }

    @Test
    void pagesOfOneSiteAreNeverServedAsAnother() throws Exception {
        long gazettePage = pageOn(GAZETTE, GAZETTE + "/separate");
        // The courier's embed reads nothing of the gazette's discussions, by id or by article.
        assertThat(send(from(COURIER, "/api/v1/discussions/" + gazettePage + "/comments")).statusCode()).isEqualTo(404);
        assertThat(send(from(COURIER, "/api/v1/discussions/" + t.discussionId() + "/comments")).statusCode()).isEqualTo(404);
        // The Host header picks the site for Tribune's own pages: the gazette's article is not on the courier's host.
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.port + "/articles/harbour-story"))).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + t.port + "/articles/harbour-story"))).statusCode()).isEqualTo(200);
        // The same page id on two sites is two discussions.
        HttpResponse<String> a = send(from(GAZETTE, "/api/v1/pages?id=shared-id&url=" + q(GAZETTE + "/s")));
        HttpResponse<String> b = send(from(COURIER, "/api/v1/pages?id=shared-id&url=" + q(COURIER + "/s")));
        assertThat(json(a).path("discussion").path("id").asLong()).isNotEqualTo(json(b).path("discussion").path("id").asLong());
        assertThat(json(b).path("site").path("name").asText()).isEqualTo("The Other Courier");
        // An origin belongs to one site only.
        assertThatThrownBy(() -> t.app.sites.allowOrigin(courier.id(), GAZETTE))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.type()).isEqualTo("origin-taken"));
    }

    @Test
    void countsForAWholeListingPageComeInOneAnswer() throws Exception {
        long d = pageOn(GAZETTE, GAZETTE + "/counted");
        for (String body : new String[] {"One.", "Two."}) {
            assertThat(postJson(from(GAZETTE, "/api/v1/discussions/" + d + "/comments"),
                    "{\"name\":\"Cal\",\"body\":\"" + body + " counted\"}").statusCode()).isEqualTo(201);
        }
        HttpResponse<String> r = send(from(GAZETTE, "/api/v1/counts?url=" + q(GAZETTE + "/counted/") + "&url=" + q(GAZETTE + "/never-opened")
                + "&url=" + q("not a url")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(GAZETTE);
        JsonNode counts = json(r);
        assertThat(counts.path(GAZETTE + "/counted/").asInt()).isEqualTo(2);
        assertThat(counts.path(GAZETTE + "/never-opened").asInt()).isZero();
        assertThat(counts.path("not a url").asInt()).isZero();
        // The courier asking about the gazette's page sees nothing of it.
        JsonNode courierView = json(send(from(COURIER, "/api/v1/counts?url=" + q(GAZETTE + "/counted"))));
        assertThat(courierView.path(GAZETTE + "/counted").asInt()).isZero();
        assertThat(send(from("https://evil.example", "/api/v1/counts?url=" + q(GAZETTE + "/counted"))).statusCode()).isEqualTo(403);
    }

    /** Comments stored under a discussion in any status (a held one counts too). */
    static long stored(long discussionId) {
        return t.app.db.read(h -> h.createQuery("select count(*) from comment where discussion_id = ?").bind(0, discussionId)
                .mapTo(Long.class).one());
    }

    @Test
    void theEmbedFollowsTheSiteCommentingSettingInEachMode() throws Exception {
        long d = pageOn(COURIER, COURIER + "/members-only");
        try {
            for (Commenters who : Commenters.values()) {
                t.app.sites.setCommenting(courier.id(), who);
                JsonNode site = json(send(from(COURIER, "/api/v1/pages?url=" + q(COURIER + "/members-only")))).path("site");
                assertThat(site.path("commenters").asText()).isEqualTo(who.db());
                assertThat(site.path("guestCommenting").asBoolean()).isEqualTo(who == Commenters.ANYONE);
                long before = stored(d);
                HttpResponse<String> r = postJson(from(COURIER, "/api/v1/discussions/" + d + "/comments"),
                        "{\"name\":\"Gus\",\"body\":\"Let me in, " + who.db() + ".\"}");
                long after = stored(d);
                if (who == Commenters.ANYONE) {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    assertThat(after).isEqualTo(before + 1);
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
                    assertThat(json(r).path("type").asText()).endsWith(who == Commenters.ACCOUNTS ? "/account-required" : "/subscribers-only");
                    assertThat(r.headers().firstValue("Tribune-Browser")).isEmpty();
                    assertThat(after).isEqualTo(before);
                }
            }
        } finally {
            t.app.sites.setCommenting(courier.id(), Commenters.ANYONE);
        }
    }

    @Test
    void theScriptsAreServedAtTheRootForAnyPageToInclude() throws Exception {
        for (String path : new String[] {"/embed.js", "/count.js"}) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(t.url(path))));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
            assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
            assertThat(r.headers().firstValue("Cross-Origin-Resource-Policy")).contains("cross-origin");
            assertThat(r.body()).contains("data-tribune");
        }
    }

    static int discussionRows() {
        return t.app.db.read(h -> h.createQuery("select count(*) from discussion").mapTo(Integer.class).one());
    }

    @Test
    void aSignInHandOffCodeWorksOnceAndOnlyFromTheOriginItWasMadeFor() throws Exception {
        Reader reader = t.app.readers.signUp(t.site.id(), "hana@test.org", "a long reader password", "Hana Handoff");
        String code = t.app.links.issue(SignedLinks.Purpose.HANDOFF, reader.id(), GAZETTE);
        String body = "{\"code\":\"" + code + "\"}";
        // From another site's origin, or with no origin at all, the code is worth nothing (and stays unused).
        HttpResponse<String> elsewhere = postJson(from(COURIER, "/api/v1/embed/session"), body);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(json(elsewhere).path("type").asText()).endsWith("/invalid-handoff");
        assertThat(postJson(from(null, "/api/v1/embed/session"), body).statusCode()).isEqualTo(403);

        HttpResponse<String> ok = postJson(from(GAZETTE, "/api/v1/embed/session"), body);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains(GAZETTE);
        String token = json(ok).path("token").asText();
        HttpResponse<String> me = send(from(GAZETTE, "/api/v1/session").header("Authorization", "Bearer " + token));
        assertThat(json(me).path("reader").path("id").asLong()).isEqualTo(reader.id());
        // Used once: a second exchange (say, by a page that overheard it) is refused.
        HttpResponse<String> again = postJson(from(GAZETTE, "/api/v1/embed/session"), body);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(json(again).path("detail").asText()).contains("used already");

        // A code for another site's reader, made out to this origin, signs no one in here.
        Reader stranger = t.app.readers.signUp(courier.id(), "sid@test.org", "a long reader password", "Sid Stranger");
        String foreign = t.app.links.issue(SignedLinks.Purpose.HANDOFF, stranger.id(), GAZETTE);
        assertThat(postJson(from(GAZETTE, "/api/v1/embed/session"), "{\"code\":\"" + foreign + "\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void theSignInPopupServesOnlyOriginsASiteAllowsAndListsThatSitesProviders() throws Exception {
        t.app.signOn.addProvider(t.site.id(), "keycloak", "oidc", "Keycloak", "https://id.gazette.example", "client", "secret");
        JsonNode site = json(send(from(GAZETTE, "/api/v1/pages?url=" + q(GAZETTE + "/popup")))).path("site");
        assertThat(site.path("commenters").asText()).isEqualTo("anyone");
        assertThat(site.path("signIn").get(0).path("label").asText()).isEqualTo("Keycloak");

        HttpResponse<String> popup = send(from(null, "/embed/sign-in?origin=" + q(GAZETTE)).header("Accept", "text/html"));
        assertThat(popup.statusCode()).isEqualTo(200);
        assertThat(popup.body()).contains("Sign in to The Test Gazette")
                .contains("href=\"/account/providers/keycloak/start?embed=" + q(GAZETTE) + "\"");
        // The courier's popup (same comments host) offers the courier's providers: none.
        assertThat(send(from(null, "/embed/sign-in?origin=" + q(COURIER)).header("Accept", "text/html")).body())
                .contains("offers no sign-in here").doesNotContain("keycloak");

        for (String path : new String[] {"/embed/sign-in?origin=" + q("https://evil.example"),
                "/account/providers/keycloak/start?embed=" + q("https://evil.example")}) {
            HttpResponse<String> refused = send(from(null, path).header("Accept", "text/html"));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("https://evil.example");
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tribune_signin="));
        }
    }
}

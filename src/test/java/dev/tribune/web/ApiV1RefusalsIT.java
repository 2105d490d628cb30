package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Account;
import dev.tribune.domain.Article;
import dev.tribune.domain.Role;
import dev.tribune.publishing.Newsroom;
import dev.tribune.web.ApiClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad request the API must refuse with problem+json, leaving what is stored untouched. */
class ApiV1RefusalsIT {
    static TestTribune t;
    static ApiClient owner;
    static long ownComment;
    static long otherDiscussionComment;
    static long deletedComment;
    static String posts = "/api/v1/articles/harbour-story/comments";
    String before;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        owner = new ApiClient(t);
        ownComment = owner.comment("harbour-story", "Owner", "A comment to aim at.", null).get("id").asLong();
        long withReply = owner.comment("harbour-story", "Owner", "Soon deleted.", null).get("id").asLong();
        new ApiClient(t).comment("harbour-story", "Replier", "Keeps the tombstone.", withReply);
        assertThat(owner.send("DELETE", "/api/v1/comments/" + withReply, null).status()).isEqualTo(204);
        deletedComment = withReply;
        story("other-story");
        otherDiscussionComment = owner.comment("other-story", "Owner", "Elsewhere.", null).get("id").asLong();
        Article closed = story("closed-story");
        t.app.discussions.setOpen(t.app.discussions.forArticle(closed.id()).orElseThrow().id(), false);
    }

    @AfterAll
    static void stop() { t.close(); }

    static Article story(String slug) {
        return t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft(slug, "Story " + slug, "", "Body.", t.author.id(),
                List.of(), Instant.now().minusSeconds(60)));
    }

    /** What a refusal must never change: comments, votes, events and every discussion's count and version. */
    static String stored() {
        return t.app.db.read(h -> h.createQuery("select (select count(*) from comment) || '/' || (select count(*) from vote) || '/' "
                + "|| (select count(*) from event) || '/' || (select sum(comment_count) from discussion) || '/' "
                + "|| (select sum(version) from discussion) || '/' || (select group_concat(body_md, '|') from comment)")
                .mapTo(String.class).one());
    }

    @BeforeEach
    void snapshot() { before = stored(); }

    @AfterEach
    void nothingChanged() { assertThat(stored()).as("stored state after refusals").isEqualTo(before); }

    static void refused(Answer a, int status, String type) {
        assertThat(a.status()).as(a.raw().body()).isEqualTo(status);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.problem()).isEqualTo(type);
        assertThat(a.json().get("status").asInt()).isEqualTo(status);
        assertThat(a.json().get("detail").asText()).isNotBlank();
        assertThat(a.raw().body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("jackson")
                .doesNotContain("\tat ").doesNotContain("Source:");
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void malformedJsonIsABadRequestWithAClearDetail() throws Exception {
        for (String bad : List.of("{\"name\": ", "{name: 'x'}", "{} []", "{\"name\":\"A\",\"name\":\"B\",\"body\":\"x\"}")) {
            Answer a = owner.send("POST", posts, utf8(bad), Map.of());
            refused(a, 400, "invalid-json");
            assertThat(a.json().get("detail").asText()).startsWith("The request body is not valid JSON");
        }
        Answer array = owner.send("POST", posts, utf8("[1, 2]"), Map.of());
        refused(array, 400, "invalid-json");
        assertThat(array.json().get("detail").asText()).contains("must be a JSON object");
        Answer empty = owner.send("POST", posts, new byte[0], Map.of());
        refused(empty, 400, "invalid-json");
        assertThat(empty.json().get("detail").asText()).contains("empty");
    }

    @Test
    void wrongTypesAreNamedFieldByField() throws Exception {
        Answer a = owner.send("POST", posts, Map.of("name", 5, "body", List.of("x"), "parentId", "12"));
        refused(a, 422, "invalid-input");
        assertThat(a.fieldError("name")).isEqualTo("name must be a string.");
        assertThat(a.fieldError("body")).isEqualTo("body must be a string.");
        assertThat(a.fieldError("parentId")).contains("positive whole number");
        for (Object parent : List.of(1.5, -3, 0, true)) {
            refused(owner.send("POST", posts, Map.of("name", "A", "body", "x", "parentId", parent)), 422, "invalid-input");
        }
        Answer vote = owner.send("POST", "/api/v1/comments/" + otherDiscussionComment + "/vote", Map.of("value", "up"));
        refused(vote, 422, "invalid-input");
        assertThat(vote.fieldError("value")).contains("1 (up), -1 (down) or 0");
        refused(new ApiClient(t).send("POST", "/api/v1/comments/" + ownComment + "/vote", Map.of("value", 2)), 422, "invalid-input");
        refused(new ApiClient(t).send("POST", "/api/v1/comments/" + ownComment + "/vote", Map.of()), 422, "invalid-input");
        refused(owner.send("PATCH", "/api/v1/comments/" + ownComment, Map.of("body", 42)), 422, "invalid-input");
    }

    @Test
    void textThatIsNotValidUnicodeOrHoldsControlCharactersIsRefused() throws Exception {
        byte[] latin1 = "{\"name\":\"Jos\u00e9\",\"body\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Answer a = owner.send("POST", posts, latin1, Map.of());
        refused(a, 400, "invalid-encoding");
        assertThat(a.json().get("detail").asText()).contains("UTF-8");
        Answer half = owner.send("POST", posts, utf8("{\"name\":\"A\",\"body\":\"\\ud800 half a pair\"}"), Map.of());
        refused(half, 422, "invalid-input");
        assertThat(half.fieldError("body")).contains("not valid Unicode");
        Answer nul = owner.send("POST", posts, Map.of("name", "A\u0000B", "body", "fine"));
        refused(nul, 422, "invalid-input");
        assertThat(nul.fieldError("name")).contains("control characters");
        refused(owner.send("POST", posts, Map.of("name", "A", "body", "bad \u0000 byte")), 422, "invalid-input");
    }

    @Test
    void emptyOversizedAndNamelessCommentsAreRefusedWithTheLimitNamed() throws Exception {
        Answer empty = owner.send("POST", posts, Map.of("name", "A", "body", "   \n "));
        refused(empty, 422, "invalid-input");
        assertThat(empty.fieldError("body")).isEqualTo("Your comment is empty.");
        Answer big = owner.send("POST", posts, Map.of("name", "A", "body", "x".repeat(10_001)));
        refused(big, 422, "invalid-input");
        assertThat(big.fieldError("body")).contains("the limit is 10,000 characters");
        Answer nameless = owner.send("POST", posts, Map.of("body", "Who am I?"));
        refused(nameless, 422, "invalid-input");
        assertThat(nameless.fieldError("name")).contains("display name");
        assertThat(nameless.fieldError("body")).isNull();
        Answer firstTry = new ApiClient(t).send("POST", posts, Map.of("body", "Who am I?"));
        refused(firstTry, 422, "invalid-input");
        assertThat(firstTry.header("Set-Cookie")).as("no browser cookie for a refused first post").isNull();
        Answer badEmail = owner.send("POST", posts, Map.of("name", "A", "email", "not-an-address", "body", "x"));
        refused(badEmail, 422, "invalid-input");
        assertThat(badEmail.fieldError("email")).contains("does not look right");
        Answer editEmpty = owner.send("PATCH", "/api/v1/comments/" + ownComment, Map.of("body", ""));
        refused(editEmpty, 422, "invalid-input");
        assertThat(owner.send("PATCH", "/api/v1/comments/" + ownComment, Map.of()).fieldError("body")).isEqualTo("Your comment is empty.");
        Answer huge = owner.send("POST", posts, utf8("{\"name\":\"A\",\"body\":\"" + "x".repeat(Forms.MAX_BODY_BYTES) + "\"}"), Map.of());
        refused(huge, 413, "too-large");
    }

    @Test
    void unknownArticlesDiscussionsAndCommentsAreNotFound() throws Exception {
        ApiClient c = new ApiClient(t);
        Map<String, Object> ok = Map.of("name", "A", "body", "x");
        refused(c.get("/api/v1/articles/no-such-story"), 404, "not-found");
        refused(c.get("/api/v1/articles/no-such-story/comments"), 404, "not-found");
        refused(c.send("POST", "/api/v1/articles/no-such-story/comments", ok), 404, "not-found");
        refused(c.get("/api/v1/discussions/999999/comments"), 404, "not-found");
        refused(c.send("POST", "/api/v1/discussions/999999/comments", ok), 404, "not-found");
        refused(c.get("/api/v1/discussions/999999/me"), 404, "not-found");
        refused(c.get("/api/v1/comments/999999"), 404, "not-found");
        refused(c.send("PATCH", "/api/v1/comments/999999", Map.of("body", "x")), 404, "not-found");
        refused(c.send("DELETE", "/api/v1/comments/999999", null), 404, "not-found");
        refused(c.send("POST", "/api/v1/comments/999999/vote", Map.of("value", 1)), 404, "not-found");
        for (String id : List.of("abc", "-1", "0", "1.5", "1e3", "99999999999999999999999")) {
            refused(c.get("/api/v1/discussions/" + id + "/comments"), 404, "not-found");
            refused(c.send("POST", "/api/v1/discussions/" + id + "/comments", ok), 404, "not-found");
            refused(c.get("/api/v1/comments/" + id), 404, "not-found");
            refused(c.send("DELETE", "/api/v1/comments/" + id, null), 404, "not-found");
        }
        Answer nowhere = c.get("/api/v1/nothing/here");
        refused(nowhere, 404, "not-found");
        assertThat(nowhere.json().get("detail").asText()).contains("no API endpoint");
        refused(c.send("PUT", "/api/v1/comments/" + ownComment, Map.of("body", "x")), 404, "not-found");
    }

    @Test
    void repliesMustAnswerAShownCommentOfTheSameDiscussion() throws Exception {
        Answer elsewhere = owner.send("POST", posts, Map.of("name", "A", "body", "x", "parentId", otherDiscussionComment));
        refused(elsewhere, 422, "invalid-input");
        assertThat(elsewhere.fieldError("parentId")).contains("not part of this discussion");
        refused(owner.send("POST", posts, Map.of("name", "A", "body", "x", "parentId", 999999)), 422, "invalid-input");
        Answer deleted = owner.send("POST", posts, Map.of("name", "A", "body", "x", "parentId", deletedComment));
        refused(deleted, 422, "invalid-input");
        assertThat(deleted.fieldError("parentId")).contains("deleted");
        refused(new ApiClient(t).send("POST", "/api/v1/comments/" + deletedComment + "/vote", Map.of("value", 1)), 409, "not-votable");
    }

    @Test
    void crossSiteAndTokenlessStaffRequestsAreForbidden() throws Exception {
        Map<String, Object> ok = Map.of("name", "A", "body", "x");
        refused(owner.send("POST", posts, ok, Map.of("Origin", "https://evil.example")), 403, "csrf");
        refused(owner.send("POST", posts, ok, Map.of("Sec-Fetch-Site", "cross-site")), 403, "csrf");
        refused(owner.send("PATCH", "/api/v1/comments/" + ownComment, Map.of("body", "x"), Map.of("Sec-Fetch-Site", "same-site")),
                403, "csrf");
        refused(owner.send("DELETE", "/api/v1/comments/" + ownComment, null, Map.of("Origin", "http://evil.example")), 403, "csrf");
        refused(new ApiClient(t).send("POST", "/api/v1/comments/" + ownComment + "/vote", Map.of("value", 1),
                Map.of("Origin", "http://evil.example")), 403, "csrf");

        Account editor = t.app.accounts.add(t.site.id(), "editor@test.example", "The Editor", Role.MODERATOR, "long-enough-password", null);
        String cookie = Visitors.STAFF_COOKIE + "=" + t.app.sessions.start(editor);
        refused(new ApiClient(t).send("POST", posts, ok, Map.of("Cookie", cookie)), 403, "csrf");
        refused(new ApiClient(t).send("POST", posts, ok, Map.of("Cookie", cookie, "X-CSRF-Token", "guessed")), 403, "csrf");
    }

    @Test
    void aClosedDiscussionTakesNoComments() throws Exception {
        Answer a = owner.send("POST", "/api/v1/articles/closed-story/comments", Map.of("name", "A", "body", "Too late?"));
        refused(a, 403, "comments-closed");
        assertThat(new ApiClient(t).get("/api/v1/articles/closed-story").json().get("commentsOpen").asBoolean()).isFalse();
    }

    @Test
    void unknownSortsCursorsAndLimitsAreRefused() throws Exception {
        String thread = "/api/v1/discussions/" + t.discussionId() + "/comments";
        Answer sort = owner.get(thread + "?sort=loudest");
        refused(sort, 422, "invalid-input");
        assertThat(sort.fieldError("sort")).contains("oldest, newest or best");
        for (String q : List.of("?cursor=abc", "?sort=best&cursor=17", "?sort=best&cursor=1_2_3", "?sort=newest&cursor=5_7")) {
            Answer a = owner.get(thread + q);
            refused(a, 422, "invalid-input");
            assertThat(a.fieldError("cursor")).contains("start from the first page");
        }
        for (String q : List.of("?limit=0", "?limit=-1", "?limit=ten", "?limit=501", "?limit=99999999999")) {
            Answer a = owner.get(thread + q);
            refused(a, 422, "invalid-input");
            assertThat(a.fieldError("limit")).contains("1 to 500");
        }
        refused(owner.get("/api/v1/articles?limit=1000"), 422, "invalid-input");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() throws Exception {
        Answer form = owner.send("POST", posts, utf8("name=A&body=x"), Map.of("Content-Type", "application/x-www-form-urlencoded"));
        refused(form, 415, "unsupported-media-type");
        refused(owner.send("POST", posts, utf8("{\"name\":\"A\",\"body\":\"x\"}"), Map.of("Content-Type", "text/plain")),
                415, "unsupported-media-type");
    }

    @Test
    void aBatchOfGarbageNeverMakesTheServerFail() throws Exception {
        String d = "/api/v1/discussions/" + t.discussionId();
        String c = "/api/v1/comments/" + ownComment;
        List<String> bodies = List.of("", " ", "null", "true", "0", "\"text\"", "[]", "{", "}", "{\"a\":}", "{\"name\":null,\"body\":null}",
                "{\"name\":{},\"body\":{}}", "{\"body\":\"" + "\\u0000".repeat(3) + "\"}", "{\"value\":1e400}", "{\"value\":-0.0}",
                "{\"parentId\":1e30,\"name\":\"A\",\"body\":\"x\"}", "[".repeat(5000) + "]".repeat(5000),
                "{\"body\":\"" + "\\ud83d".repeat(4) + "\"}", "\uFEFF{\"name\":\"A\"}", "{\"name\":\"A\",\"body\":\"x\"} trailing");
        List<String[]> targets = List.of(new String[]{"POST", posts}, new String[]{"POST", d + "/comments"},
                new String[]{"PATCH", c}, new String[]{"POST", c + "/vote"}, new String[]{"DELETE", "/api/v1/comments/" + otherDiscussionComment});
        List<String> failures = new ArrayList<>();
        ApiClient stranger = new ApiClient(t);
        for (String[] target : targets) {
            for (String body : bodies) {
                Answer a = stranger.send(target[0], target[1], utf8(body), Map.of());
                if (a.status() >= 500) failures.add(target[0] + " " + target[1] + " <- " + body.substring(0, Math.min(40, body.length())));
                if (a.status() >= 400) assertThat(a.contentType()).isEqualTo("application/problem+json");
            }
            byte[] binary = new byte[2048];
            new java.util.Random(7).nextBytes(binary);
            if (stranger.send(target[0], target[1], binary, Map.of()).status() >= 500) failures.add(target[0] + " " + target[1] + " <- binary");
        }
        for (String query : List.of("?sort=%F0%9F%92%A9", "?limit=%E2%88%9E", "?cursor=" + "9".repeat(500), "?sort=best&cursor=_",
                "?sort=best&cursor=-2147483649_1", "?limit=all&limit=1", "?limit=%20all%20", "?sort=&cursor=&limit=")) {
            Answer a = stranger.get(d + "/comments" + query);
            if (a.status() >= 500) failures.add("GET " + query);
        }
        for (String path : List.of(d + "/me/extra", "/api/v1/articles/" + "x".repeat(3000), "/api/v1/comments/%F0%9F%92%A9",
                "/api/v1/articles/%2e%2e/comments", "/api/v1/", "/api/v2/articles")) {
            if (stranger.get(path).status() >= 500) failures.add("GET " + path);
        }
        for (String line : List.of("GET " + d + "/comments?limit=%ZZ", "GET /api/v1/discussions/%ZZ/comments",
                "POST " + posts + "?x=%", "GET /api/v1/comments/1%00")) {
            int status = raw(line);
            if (status >= 500 || status == 0) failures.add(line + " -> " + status);
        }
        assertThat(failures).isEmpty();
    }

    /** Sends one request line over a plain socket (what HttpClient refuses to build) and returns the status code. */
    static int raw(String requestLine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", t.port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : 0;
        }
    }
}

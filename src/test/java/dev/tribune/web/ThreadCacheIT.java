package dev.tribune.web;

import dev.tribune.TestTribune;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCacheIT {
    static TestTribune t;

    @BeforeAll
    static void start() { t = TestTribune.start(); }

    @AfterAll
    static void stop() { t.close(); }

    static HttpResponse<byte[]> get(HttpClient c, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path))).GET();
        if (headers.length > 0) b.headers(headers);
        return c.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String post(HttpClient browser, String body) throws Exception {
        HttpResponse<String> r = t.postForm(browser, "/articles/harbour-story/comments",
                ArticlePagesIT.form("name", "Ines", "body", body));
        assertThat(r.statusCode()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void anonymousReadersGetSharedBytesWithAnETagAnd304() throws Exception {
        HttpClient anon = TestTribune.browser();
        HttpResponse<byte[]> first = get(anon, "/articles/harbour-story");
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=5, stale-while-revalidate=30");
        assertThat(first.headers().firstValue("Vary")).hasValue("Accept-Encoding");

        HttpResponse<byte[]> again = get(anon, "/articles/harbour-story", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> otherSort = get(anon, "/articles/harbour-story?sort=newest", "If-None-Match", etag);
        assertThat(otherSort.statusCode()).isEqualTo(200);
    }

    @Test
    void gzipIsServedToClientsThatAcceptItAndHoldsTheSameBytes() throws Exception {
        HttpClient anon = TestTribune.browser();
        HttpResponse<byte[]> plain = get(anon, "/articles/harbour-story");
        HttpResponse<byte[]> zipped = get(anon, "/articles/harbour-story", "Accept-Encoding", "br, gzip;q=0.8");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertThat(new String(unzipped, StandardCharsets.UTF_8)).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        assertThat(zipped.body().length).isLessThan(plain.body().length);

        // The second reader of the same bytes sets the default-level gzip going in the background;
        // whichever gzip a reader gets, it holds the same page.
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> again = get(anon, "/articles/harbour-story", "Accept-Encoding", "gzip");
            assertThat(again.headers().firstValue("ETag")).isEqualTo(zipped.headers().firstValue("ETag"));
            assertThat(new GZIPInputStream(new ByteArrayInputStream(again.body())).readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void aLargePageArrivesWholeWhenItLeavesStraightFromTheCache() throws Exception {
        // Long comments make the page larger than ThreadCache.SEND_DIRECT_FROM, so its body is
        // written from the cached array after a first packet with the headers.
        String[] words = {"harbour", "ferry", "seawall", "council", "tender", "residents", "budget", "vote"};
        java.util.Random random = new java.util.Random(7);
        for (int c = 0; c < 4; c++) {
            StringBuilder body = new StringBuilder("Long comment " + c + ":");
            while (body.length() < 9_000) body.append(' ').append(words[random.nextInt(words.length)]);
            post(TestTribune.browser(), body.append(" end-of-long-comment-").append(c).toString());
        }
        HttpClient anon = TestTribune.browser();
        HttpResponse<byte[]> plain = get(anon, "/articles/harbour-story");
        assertThat(plain.body().length).isGreaterThan(ThreadCache.SEND_DIRECT_FROM);
        assertThat(plain.headers().firstValue("Content-Length")).hasValue(Integer.toString(plain.body().length));
        String page = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!doctype html>").contains("end-of-long-comment-0", "end-of-long-comment-3");
        assertThat(page.stripTrailing()).endsWith("</html>");
        // Twice more from the cache (the second asks for the default-level gzip): the same bytes each time.
        assertThat(get(anon, "/articles/harbour-story").body()).isEqualTo(plain.body());
        HttpResponse<byte[]> zipped = get(anon, "/articles/harbour-story", "Accept-Encoding", "gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes()).isEqualTo(plain.body());
    }

    @Test
    void aNewCommentChangesTheETagAndShowsToAnonymousReadersAtOnce() throws Exception {
        HttpClient anon = TestTribune.browser();
        String before = get(anon, "/articles/harbour-story").headers().firstValue("ETag").orElseThrow();
        post(TestTribune.browser(), "Fresh words about the quay wall.");
        HttpResponse<byte[]> after = get(anon, "/articles/harbour-story", "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("Fresh words about the quay wall.");
    }

    @Test
    void aReaderWithPersonalStateGetsAPrivatePage() throws Exception {
        HttpClient writer = TestTribune.browser();
        post(writer, "My own comment, with my own edit link.");
        HttpResponse<byte[]> mine = get(writer, "/articles/harbour-story");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(mine.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void theJsonThreadIsSharedWithAnETagAndChangesWithANewComment() throws Exception {
        HttpClient anon = TestTribune.browser();
        for (String path : new String[] {"/api/v1/articles/harbour-story/comments", "/api/v1/discussions/" + t.discussionId() + "/comments?limit=all"}) {
            HttpResponse<byte[]> first = get(anon, path);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=5, stale-while-revalidate=30");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(get(anon, path, "If-None-Match", etag).statusCode()).isEqualTo(304);

            post(TestTribune.browser(), "A new comment for the JSON readers " + path.length() + ".");
            HttpResponse<byte[]> after = get(anon, path, "If-None-Match", etag);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("A new comment for the JSON readers " + path.length() + ".");
        }
    }

    @Test
    void aJsonReaderWithPersonalStateOrABadCursorGetsNothingShared() throws Exception {
        HttpClient writer = TestTribune.browser();
        post(writer, "Mine, seen through the API.");
        HttpResponse<byte[]> mine = get(writer, "/api/v1/articles/harbour-story/comments");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(mine.headers().firstValue("ETag")).isEmpty();

        HttpResponse<byte[]> bad = get(TestTribune.browser(), "/api/v1/articles/harbour-story/comments?cursor=not-a-cursor");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("ETag")).isEmpty();
        assertThat(bad.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
    }
}

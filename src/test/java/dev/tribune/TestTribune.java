package dev.tribune;

import dev.tribune.config.Settings;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Site;
import dev.tribune.publishing.Newsroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real Tribune for tests: a fresh SQLite file, one site with an author and an article, served
 * over real HTTP on a random loopback port. Close it to stop the server and delete the file.
 */
public final class TestTribune implements AutoCloseable {
    public final App app;
    public final Site site;
    public final Author author;
    public final Article article;
    public final int port;
    private final Path dir;

    private TestTribune(App app, Path dir) {
        this.app = app;
        this.dir = dir;
        this.site = app.sites.add("localhost", "The Test Gazette");
        this.author = app.newsroom.addAuthor(site.id(), "ada-reporter", "Ada Reporter", "Covers the harbour.", null);
        this.article = app.newsroom.create(site.id(), new Newsroom.ArticleDraft("harbour-story", "Harbour story",
                "A standfirst.", "Body with a quote:\n\n> \"We will see,\" said the mayor.", author.id(), List.of("port"),
                Instant.now().minusSeconds(3600)));
        this.port = app.serve();
    }

    public static TestTribune start() {
        return start(dev.tribune.moderation.Scorer.NONE);
    }

    /** A test Tribune whose moderation pipeline scores comments with this scorer. */
    public static TestTribune start(dev.tribune.moderation.Scorer scorer) {
        return start(scorer, s -> s);
    }

    /** A test Tribune with some settings changed (say, the SMTP server its emails go to). */
    public static TestTribune startWith(java.util.function.UnaryOperator<Settings> change) {
        return start(dev.tribune.moderation.Scorer.NONE, change);
    }

    private static TestTribune start(dev.tribune.moderation.Scorer scorer, java.util.function.UnaryOperator<Settings> change) {
        try {
            Path dir = Files.createTempDirectory("tribune-test");
            Settings s = Settings.resolve(Map.of(), 0, "127.0.0.1", "sqlite:" + dir.resolve("test.db"), null,
                    "test-secret-0123456789", "127.0.0.1");
            return new TestTribune(new App(change.apply(s), scorer), dir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lifts the site's posting-rate limits, for tests that post several comments from one writer in
     * quick succession to test something else (the rate limits have their own tests in ModerationIT).
     */
    public static void withoutPostingLimits(TestTribune t) {
        t.app.policies.change(t.site.id(), Map.of("floodSeconds", "0", "maxPerMinute", "1000", "maxPerHour", "1000",
                "maxPerHourPerIp", "1000"), null);
    }

    public long discussionId() {
        return app.discussions.forArticle(article.id()).orElseThrow().id();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** An HTTP client that keeps cookies (one browser) and does not follow redirects. */
    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(HttpClient client, String path, String formBody) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> sendJson(HttpClient client, String method, String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp folder left behind is harmless
        }
    }
}

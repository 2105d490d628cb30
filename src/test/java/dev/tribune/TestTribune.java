package dev.tribune;

import dev.tribune.config.Settings;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Site;
import dev.tribune.live.LiveSettings;
import dev.tribune.publishing.Newsroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real Tribune for tests: a fresh database, one site with an author and an article, served
 * over real HTTP on a random loopback port. Close it to stop the server and remove the database.
 *
 * <p>{@link #start()} runs on SQLite. To run a test class on both SQLite and PostgreSQL, annotate
 * it with {@link OnEveryDatabase} and start the server per database in a static method:
 * <pre>{@code
 * @OnEveryDatabase
 * class SomethingIT {
 *     @Parameter TestDatabase database;   // which run this is (JUnit needs the parameter declared)
 *     static TestTribune t;
 *
 *     @BeforeParameterizedClassInvocation
 *     static void start(TestDatabase database) { t = TestTribune.start(database); }
 *
 *     @AfterParameterizedClassInvocation
 *     static void stop() { t.close(); }
 *
 *     @Test void ...
 * }
 * }</pre>
 * PostgreSQL is the machine's server on 127.0.0.1:5432 (user postgres, trust auth), with a fresh
 * database per TestTribune; without one, an embedded server (io.zonky) stands in — unless CI=true,
 * where a missing server fails the run. {@code -Dtribune.test.databases=sqlite} limits a local run
 * to one database.
 */
public final class TestTribune implements AutoCloseable {
    public final App app;
    public final Site site;
    public final Author author;
    public final Article article;
    public final int port;
    public final TestDatabase database;
    private final TestDatabase.Fresh store;

    private TestTribune(App app, TestDatabase database, TestDatabase.Fresh store) {
        this.app = app;
        this.database = database;
        this.store = store;
        this.site = app.sites.add("localhost", "The Test Gazette");
        // Tests post many comments from one loopback address within seconds; rate-limit tests turn the limits back on.
        app.policies.change(site.id(), java.util.Map.of("maxPerMinute", "100000", "maxPerHour", "100000", "floodSeconds", "0",
                "maxPerHourPerIp", "100000", "duplicateHours", "0", "siteDuplicateLimit", "100000"), null);
        this.author = app.newsroom.addAuthor(site.id(), "ada-reporter", "Ada Reporter", "Covers the harbour.", null);
        this.article = app.newsroom.create(site.id(), new Newsroom.ArticleDraft("harbour-story", "Harbour story",
                "A standfirst.", "Body with a quote:\n\n> \"We will see,\" said the mayor.", author.id(), List.of("port"),
                Instant.now().minusSeconds(3600)));
        // Tests post far faster than any person, all from 127.0.0.1; the tests of the limits set their own.
        app.policies.change(site.id(), Map.of("floodSeconds", "0", "maxPerMinute", "1000", "maxPerHour", "10000",
                "maxPerHourPerIp", "100000"), null);
        this.port = app.serve();
    }

    /** A Tribune on a fresh SQLite file. */
    public static TestTribune start() {
        return start(TestDatabase.SQLITE);
    }

    /** A test Tribune whose moderation pipeline scores comments with this scorer. */
    public static TestTribune start(dev.tribune.moderation.Scorer scorer) {
        return start(TestDatabase.SQLITE, scorer, LiveSettings.DEFAULT);
    }

    /** A test server whose live streams have their own cap and timeouts. */
    public static TestTribune start(LiveSettings live) {
        return start(TestDatabase.SQLITE, dev.tribune.moderation.Scorer.NONE, live);
    }

    /** A Tribune on a fresh database of the given kind. */
    public static TestTribune start(TestDatabase database) {
        return start(database, dev.tribune.moderation.Scorer.NONE, LiveSettings.DEFAULT);
    }

    public static TestTribune start(TestDatabase database, dev.tribune.moderation.Scorer scorer, LiveSettings live) {
        return start(database, scorer, live, s -> s);
    }

    /** A test Tribune with some settings changed (say, the SMTP server its emails go to). */
    public static TestTribune startWith(java.util.function.UnaryOperator<Settings> change) {
        return start(TestDatabase.SQLITE, dev.tribune.moderation.Scorer.NONE, LiveSettings.DEFAULT, change);
    }

    /** A test Tribune on the given database, scoring with this scorer, with some settings changed. */
    public static TestTribune start(TestDatabase database, dev.tribune.moderation.Scorer scorer,
                                    java.util.function.UnaryOperator<Settings> change) {
        return start(database, scorer, LiveSettings.DEFAULT, change);
    }

    private static TestTribune start(TestDatabase database, dev.tribune.moderation.Scorer scorer, LiveSettings live,
                                     java.util.function.UnaryOperator<Settings> change) {
        TestDatabase.Fresh store = database.fresh();
        try {
            return new TestTribune(new App(change.apply(settings(store.url())), scorer, live), database, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Settings of a test server on a random loopback port over the given database. */
    public static Settings settings(String databaseUrl) {
        return Settings.resolve(Map.of(), 0, "127.0.0.1", databaseUrl, null, "test-secret-0123456789", "127.0.0.1");
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
        try {
            app.close();
        } finally {
            store.close();
        }
    }
}

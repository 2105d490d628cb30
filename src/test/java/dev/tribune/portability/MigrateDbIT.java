package dev.tribune.portability;

import dev.tribune.App;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.Tribune;
import dev.tribune.demo.DemoNewsroom;
import dev.tribune.store.Database;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** migrate-db moves the demo newsroom from SQLite to PostgreSQL with every row, and Tribune serves the copy. */
class MigrateDbIT {
    static final String STORY = "/articles/transit-strike-ninth-day-talks-collapse";
    static final List<String> TABLES = List.of("site", "author", "article", "discussion", "account", "staff_session",
            "comment", "vote", "event", "instance_setting");

    record Run(int exitCode, String out) {}

    static Run migrate(String from, String to) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Tribune()).execute("migrate-db", "--from", from, "--to", to);
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    static Map<String, Long> counts(String url) {
        try (Database db = Database.open(url)) {
            Map<String, Long> n = new LinkedHashMap<>();
            for (String t : TABLES) n.put(t, db.read(h -> h.createQuery("select count(*) from " + t).mapTo(Long.class).one()));
            return n;
        }
    }

    static String page(String url, String path) throws Exception {
        try (App app = new App(TestTribune.settings(url))) {
            int port = app.serve();
            HttpResponse<String> r = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }
    }

    static List<String> commentIds(String html) {
        Matcher m = Pattern.compile("id=\"comment-(\\d+)\"").matcher(html);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void theDemoNewsroomMovesToPostgresqlWithEveryRowAndServesTheSamePages() throws Exception {
        try (TestDatabase.Fresh sqlite = TestDatabase.SQLITE.fresh(); TestDatabase.Fresh pg = TestDatabase.POSTGRESQL.fresh()) {
            try (App app = new App(TestTribune.settings(sqlite.url()))) {
                new DemoNewsroom(app).seed();
                app.sessions.start(app.accounts.add(app.sites.all().get(0).id(), "editor@example.org", "Editor",
                        dev.tribune.domain.Role.ADMIN, "a long enough password", null));
            }
            Map<String, Long> source = counts(sqlite.url());
            assertThat(source.get("comment")).isGreaterThan(200);
            assertThat(source.get("vote")).isGreaterThan(0);
            assertThat(source.get("staff_session")).isEqualTo(1);

            Run first = migrate(sqlite.url(), pg.url());
            assertThat(first.exitCode()).as(first.out()).isZero();
            for (String t : TABLES) {
                assertThat(first.out()).containsPattern("(?m)^" + t + " +" + String.format("%,d", source.get(t))
                        + " +" + String.format("%,d", source.get(t)) + " +([0-9a-f]{16})  \\1  same$");
            }
            assertThat(counts(pg.url())).isEqualTo(source);

            String before = page(sqlite.url(), STORY);
            String after = page(pg.url(), STORY);
            assertThat(commentIds(before)).hasSizeGreaterThan(10);
            assertThat(commentIds(after)).isEqualTo(commentIds(before));
            assertThat(after).contains("235 comments").isEqualTo(before);

            assertThat(migrate(sqlite.url(), pg.url()).exitCode()).as("a second run finds everything in place").isZero();

            // New rows on the copy get ids after the copied ones, and the verification then reports the difference.
            try (App app = new App(TestTribune.settings(pg.url()))) {
                int port = app.serve();
                HttpResponse<String> posted = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + STORY + "/comments"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=Nia&body="
                                + URLEncoder.encode("Posted after the move.", StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(posted.statusCode()).isEqualTo(303);
                assertThat(posted.headers().firstValue("Location")).hasValue("/c/" + (source.get("comment") + 1));
            }
            Run third = migrate(sqlite.url(), pg.url());
            assertThat(third.exitCode()).isEqualTo(1);
            assertThat(third.out()).containsPattern("(?m)^comment .*DIFFERENT$").containsPattern("(?m)^site .*same$");
        }
    }

    @Test
    void aTargetHoldingAnotherNewsroomIsRefusedAndLeftAlone() {
        try (TestDatabase.Fresh sqlite = TestDatabase.SQLITE.fresh(); TestDatabase.Fresh pg = TestDatabase.POSTGRESQL.fresh()) {
            try (App app = new App(TestTribune.settings(sqlite.url()))) {
                app.sites.add("news.example.org", "The Source Gazette");
            }
            try (App app = new App(TestTribune.settings(pg.url()))) {
                app.sites.add("other.example.org", "Someone Else's Paper");
            }
            assertThat(migrate(sqlite.url(), pg.url()).exitCode()).isNotZero();
            try (Database db = Database.open(pg.url())) {
                List<String> hosts = db.read(h -> h.createQuery("select host from site").mapTo(String.class).list());
                assertThat(hosts).containsExactly("other.example.org");
            }
        }
    }

    @Test
    void aReplyStoredBeforeItsParentKeepsItsParent() {
        try (TestDatabase.Fresh sqlite = TestDatabase.SQLITE.fresh(); TestDatabase.Fresh pg = TestDatabase.POSTGRESQL.fresh()) {
            try (App app = new App(TestTribune.settings(sqlite.url()))) {
                var site = app.sites.add("news.example.org", "The Source Gazette");
                var article = app.newsroom.create(site.id(), new dev.tribune.publishing.Newsroom.ArticleDraft("story", "Story", "",
                        "Body.", null, List.of(), null));
                long d = app.discussions.forArticle(article.id()).orElseThrow().id();
                // An import may give a reply a smaller id than its parent; the copy goes in id order all the same.
                app.db.update(h -> {
                    h.execute("insert into comment (id, discussion_id, root_id, path, author_name, body_md, body_html, status, created_at) "
                            + "values (20, ?, 20, '000000000020', 'Parent', 'p', '<p>p</p>', 'published', 1)", d);
                    h.execute("insert into comment (id, discussion_id, parent_id, root_id, depth, path, author_name, body_md, body_html, "
                            + "status, created_at) values (10, ?, 20, 20, 1, '000000000020.000000000010', 'Reply', 'r', '<p>r</p>', 'published', 2)", d);
                });
            }
            assertThat(migrate(sqlite.url(), pg.url()).exitCode()).isZero();
            try (Database db = Database.open(pg.url())) {
                Long parent = db.read(h -> h.createQuery("select parent_id from comment where id = 10").mapTo(Long.class).one());
                assertThat(parent).isEqualTo(20L);
            }
        }
    }
}

package dev.tribune.web;

import dev.tribune.Tribune;
import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import dev.tribune.moderation.Classifiers;
import dev.tribune.moderation.ModelVersion;
import dev.tribune.moderation.NewsroomModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learning from the newsroom: moderators reject a local insult ("mainland blow-in") that the
 * shipped model barely knows and approve ordinary talk of the mainland ferry; `tribune moderation
 * train --from-decisions`, run in-process against the test database, writes a model beside it
 * that the server loads at start and that scores unseen text in that phrasing higher than before.
 */
class NewsroomTrainingIT {
    static final String PASSWORD = "correct horse battery";
    static final String UNSEEN_INSULT = "Nobody here asked a mainland blow-in like you, crawl back across the water";
    static final String UNSEEN_CIVIL = "The mainland ferry was cancelled again because of the wind";
    static TestTribune t;
    static StaffBrowser moderator;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("../shared/data/moderation")),
                "the base training data (../shared/data) is not beside this checkout");
        t = TestTribune.start();
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        moderator = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (t != null) t.close();
    }

    /** Runs the command line as `./tribune ARGS` would, returning the exit code and what it wrote to stderr. */
    static String[] tribune(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Tribune.commandLine().execute(args);
        } finally {
            System.setErr(old);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        old.print(text);
        return new String[] {Integer.toString(code), text};
    }

    static long posted(String name, String body) throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", form("name", name, "body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring(3));
    }

    /** Comments in the newsroom's own phrasing: insults of incomers, and everyday talk that shares their words. */
    static List<String> insults() {
        String[] who = {"you", "this one", "the new councillor", "that columnist", "our new neighbour", "the harbourmaster", "he", "she"};
        String[] how = {"is just another mainland blow-in", "is a typical blow-in from the mainland", "should crawl back to the mainland, blow-in",
                "is a mainland blow-in who knows nothing", "needs to go back across the water, blow-in"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) out.add(cap(who[i % who.length]) + " " + how[i % how.length] + " (" + (i + 1) + ")");
        return out;
    }

    static List<String> civil() {
        String[] what = {"The mainland ferry", "The crossing to the mainland", "The water taxi", "The new timetable", "The harbour ferry"};
        String[] how = {"runs late most mornings", "was full again on Saturday", "should stop at the island school",
                "costs too much for families", "is much better since the refit"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) out.add(what[i % what.length] + " " + how[(i / 5) % how.length] + " (" + (i + 1) + ")");
        return out;
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Test
    void decisionsMadeInTheConsoleTeachTheModelTheNewsroomsPhrasing() throws Exception {
        String db = t.app.settings.database();
        Path modelFile = t.app.settings.modelsFolder().resolve("toxicity.model");

        // no decisions yet: a clear refusal, and nothing written
        String[] none = tribune("moderation", "train", "--from-decisions", "--database", db);
        assertThat(none[0]).isEqualTo("1");
        assertThat(none[1]).contains("there are no moderator decisions on all sites yet").contains("Nothing was written");
        assertThat(modelFile).doesNotExist();

        for (String s : insults()) {
            HttpResponse<String> r = moderator.post("/admin/queue/" + posted("Islander", s) + "/reject", "reason", "abusive");
            assertThat(r.statusCode()).isEqualTo(303);
        }
        for (String s : civil()) {
            assertThat(moderator.post("/admin/queue/" + posted("Commuter", s) + "/approve").statusCode()).isEqualTo(303);
        }

        // another site has none of them (added only now: with two sites, a request to 127.0.0.1 names neither)
        t.app.sites.add("quiet.example", "The Quiet Herald");
        String[] quiet = tribune("moderation", "train", "--from-decisions", "--database", db, "--site", "quiet.example");
        assertThat(quiet[0]).isEqualTo("1");
        assertThat(quiet[1]).contains("no moderator decisions on quiet.example");

        String[] trained = tribune("moderation", "train", "--from-decisions", "--database", db, "--site", "localhost");
        assertThat(trained[0]).as(trained[1]).isEqualTo("0");
        assertThat(trained[1]).contains("used 80 moderator decisions").contains("40 rejected, 40 approved")
                .contains(modelFile.toString()).contains("newsroom-trained v1");
        assertThat(modelFile).exists();

        // what a server starting on this database now loads in place of the shipped model
        Classifiers shipped = Classifiers.loadShipped();
        Classifiers newsroom = NewsroomModels.of(t.app.settings).load();
        ModelVersion v = newsroom.toxicityVersion();
        assertThat(v.newsroom()).isTrue();
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.trainedAt()).isNotNull();
        assertThat(v.data()).contains("80 moderator decisions from localhost (40 rejected)").contains("civil-sentences");
        assertThat(v.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(modelFile))));

        double before = shipped.toxicityModel().probability(UNSEEN_INSULT);
        double after = newsroom.toxicityModel().probability(UNSEEN_INSULT);
        System.err.printf("unseen insult: shipped %.3f (threshold %.2f), newsroom %.3f (threshold %.2f); unseen civil: shipped %.3f, newsroom %.3f%n",
                before, shipped.toxicityModel().threshold(), after, newsroom.toxicityModel().threshold(),
                shipped.toxicityModel().probability(UNSEEN_CIVIL), newsroom.toxicityModel().probability(UNSEEN_CIVIL));
        assertThat(after).isGreaterThan(before);
        assertThat(after).isGreaterThanOrEqualTo(newsroom.toxicityModel().threshold());
        assertThat(newsroom.toxicityModel().probability(UNSEEN_CIVIL)).isLessThan(newsroom.toxicityModel().threshold());

        // a server running it says so on the moderation settings page
        try (TestTribune running = TestTribune.start(newsroom)) {
            running.app.accounts.add(running.site.id(), "admin@test.org", "Ari Admin", Role.ADMIN, PASSWORD, null);
            String page = StaffBrowser.signIn(running, "admin@test.org", PASSWORD).get("/admin/moderation").body();
            assertThat(page).contains("data-origin=\"newsroom\"").contains("newsroom-trained</strong> model, version <strong>1</strong>")
                    .contains(v.sha256());
        }
    }
}

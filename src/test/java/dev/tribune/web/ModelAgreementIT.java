package dev.tribune.web;

import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import dev.tribune.moderation.Classifiers;
import dev.tribune.moderation.TextClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running model on the moderation settings page: which one it is, and how often it agreed
 * with the moderators' last N decisions (N = 6 here), from decisions made through the queue.
 */
@OnEveryDatabase
class ModelAgreementIT {
    static final String PASSWORD = "correct horse battery";
    static final String[] TOXIC = {"You are a pathetic moron and a worthless idiot", "Shut up you stupid idiot, nobody cares",
            "What a disgusting moron, you should be ashamed", "You brainless idiot, go away"};
    static final String[] CIVIL = {"Thanks for the report on the new ferry timetable", "The council vote on the harbour wall is next week",
            "I agree the school budget needs a closer look"};
    @Parameter TestDatabase database;
    static TestTribune t;
    static StaffBrowser admin;
    static StaffBrowser moderator;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws Exception {
        t = TestTribune.start(database, Classifiers.loadShipped(), s -> s.withAgreementDecisions(6));
        t.app.accounts.add(t.site.id(), "admin@test.org", "Ari Admin", Role.ADMIN, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        admin = StaffBrowser.signIn(t, "admin@test.org", PASSWORD);
        moderator = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
        // the model's scores only feed the figure here; nothing is nudged or refused at posting
        t.app.policies.change(t.site.id(), Map.of("toxicityNudge", "off", "toxicityReject", "off", "profanity", "pass"), null);
    }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    static long posted(String body) throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", form("name", "Reader", "body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring(3));
    }

    static void decide(String text, boolean reject) throws Exception {
        long id = posted(text);
        HttpResponse<String> r = reject ? moderator.post("/admin/queue/" + id + "/reject", "reason", "abusive")
                : moderator.post("/admin/queue/" + id + "/approve");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    }

    static String section(String page) {
        int from = page.indexOf("id=\"model\"");
        return page.substring(from, page.indexOf("</section>", from));
    }

    @Test
    void theSettingsPageShowsTheShippedModelAndItsAgreementWithTheLastDecisions() throws Exception {
        TextClassifier model = t.app.classifiers.toxicityModel();
        for (String s : TOXIC) assertThat(model.probability(s)).as(s).isGreaterThanOrEqualTo(model.threshold());
        for (String s : CIVIL) assertThat(model.probability(s)).as(s).isLessThan(model.threshold());

        String before = section(admin.get("/admin/moderation").body());
        assertThat(before).contains("data-origin=\"shipped\"").contains("Running the <strong>shipped</strong> model")
                .contains(shippedHash()).contains("No moderator decisions yet");

        decide(TOXIC[0], false);  // model would reject, moderator approved: falls out of the last 6
        decide(TOXIC[1], true);   // agreed
        decide(TOXIC[2], true);   // agreed
        decide(CIVIL[0], false);  // agreed
        decide(CIVIL[1], false);  // agreed
        decide(CIVIL[2], true);   // model would let it through, moderator rejected
        decide(TOXIC[3], false);  // model would reject, moderator approved

        String after = section(admin.get("/admin/moderation").body());
        assertThat(after).contains("Over the last <strong>6</strong> moderator decisions (up to 6)")
                .contains("<strong class=\"agreement-percent\">66.7%</strong>").contains("(4 of 6,")
                .contains("<strong class=\"would-reject\">1</strong>").contains("<strong class=\"would-pass\">1</strong>")
                .contains("scored again with the running model");
        // a moderator works the queue but the settings page stays the admins'
        assertThat(moderator.get("/admin/moderation").statusCode()).isEqualTo(403);
    }

    /** SHA-256 of the shipped model file, computed here from the classpath resource. */
    static String shippedHash() throws Exception {
        try (InputStream in = ModelAgreementIT.class.getClassLoader().getResourceAsStream("moderation/toxicity.model")) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}

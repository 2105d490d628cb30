package dev.tribune.moderation;

import dev.tribune.TestTribune;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The moderation pipeline, reports and sanctions, driven through real HTTP against a real SQLite file. */
class ModerationIT {
    static TestTribune t;

    @BeforeAll
    static void start() {
        // A stand-in classifier: texts with "RUDE" score as toxic, texts with "CHEAP" as spam.
        t = TestTribune.start(text -> new TextScores(text.contains("RUDE") ? 0.9 : 0.05, text.contains("CHEAP") ? 0.85 : 0.0,
                text.contains("RUDE") ? List.of("RUDE") : List.of()));
    }

    @AfterAll
    static void stop() { t.close(); }

    @BeforeEach
    void balanced() {
        t.app.policies.usePreset(t.site.id(), "balanced", null);
        // every test posts from 127.0.0.1: leave the per-address limit out of the tests that are not about it
        t.app.policies.change(t.site.id(), Map.of("maxPerHourPerIp", "10000", "floodSeconds", "0"), null);
    }

    static String form(String... kv) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (s.length() > 0) s.append('&');
            s.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    static HttpResponse<String> post(HttpClient b, String body, String... extra) throws Exception {
        String[] kv = new String[4 + extra.length];
        kv[0] = "name"; kv[1] = "Reader"; kv[2] = "body"; kv[3] = body;
        System.arraycopy(extra, 0, kv, 4, extra.length);
        return t.postForm(b, "/articles/harbour-story/comments", form(kv));
    }

    static long idOf(HttpResponse<String> posted) {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        return Long.parseLong(posted.headers().firstValue("Location").orElseThrow().substring(3));
    }

    static String status(long id) {
        return t.app.db.read(h -> h.createQuery("select status from comment where id = ?").bind(0, id).mapTo(String.class).one());
    }

    static Long reportedAt(long id) {
        return t.app.db.read(h -> h.createQuery("select reported_at from comment where id = ?").bind(0, id).mapTo(Long.class).one());
    }

    static int comments() {
        return t.app.db.read(h -> h.createQuery("select count(*) from comment").mapTo(Integer.class).one());
    }

    static String page(HttpClient b) throws Exception {
        return t.get(b, "/articles/harbour-story").body();
    }

    @Test
    void aCommentHeldByTheWordRuleIsSeenOnlyByItsWriter() throws Exception {
        HttpClient writer = TestTribune.browser();
        String text = "Utter bullsh1t from the council on the ferry timetable";
        long id = idOf(post(writer, text));
        assertThat(status(id)).isEqualTo("pending");
        assertThat(t.app.decisions.forComment(id)).extracting(Decisions.Decision::phase, Decisions.Decision::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("words", "hold"));

        assertThat(page(writer)).contains("ferry timetable").contains("Awaiting review");
        HttpClient other = TestTribune.browser();
        assertThat(page(other)).doesNotContain("ferry timetable");
        assertThat(t.get(other, "/articles/harbour-story/thread").body()).doesNotContain("ferry timetable");
        assertThat(t.get(other, "/c/" + id).statusCode()).isEqualTo(404);
        assertThat(t.get(writer, "/c/" + id).statusCode()).isEqualTo(303);
    }

    @Test
    void aSlurIsRefusedInPlaceAndNothingIsStored() throws Exception {
        int before = comments();
        HttpResponse<String> r = post(TestTribune.browser(), "You are a n1gg3r lover");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("language that is not allowed").contains("n1gg3r lover");
        assertThat(comments()).isEqualTo(before);
    }

    @Test
    void whitelistedPlaceNamesPublish() throws Exception {
        long id = idOf(post(TestTribune.browser(), "Scunthorpe sent a bassist and an assessment of the cockpit analysis"));
        assertThat(status(id)).isEqualTo("published");
        assertThat(page(TestTribune.browser())).contains("Scunthorpe sent a bassist");
    }

    @Test
    void aToxicDraftIsNudgedUnsavedThenHeldWhenPostedForReview() throws Exception {
        HttpClient b = TestTribune.browser();
        int before = comments();
        HttpResponse<String> first = post(b, "You RUDE fool, read the article");
        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(first.body()).contains("This may break our community guidelines — edit it, or post it for review")
                .contains("name=\"confirm\" value=\"1\"").contains("Post for review").contains("You RUDE fool, read the article");
        assertThat(comments()).isEqualTo(before);

        long id = idOf(post(b, "You RUDE fool, read the article", "confirm", "1"));
        assertThat(status(id)).isEqualTo("pending");
        assertThat(t.app.decisions.forComment(id).get(0).toxicity()).isEqualTo(0.9);
        assertThat(page(TestTribune.browser())).doesNotContain("RUDE fool");
    }

    @Test
    void aHighSpamScoreIsHeld() throws Exception {
        long id = idOf(post(TestTribune.browser(), "CHEAP watches for everyone today"));
        assertThat(status(id)).isEqualTo("pending");
    }

    @Test
    void postingAgainAtOnceIsRateLimitedAndTheSameTextTwiceRefused() throws Exception {
        HttpClient b = TestTribune.browser();
        idOf(post(b, "First thought on the harbour plan"));
        HttpResponse<String> again = post(b, "First thought on the harbour plan");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("You already posted this comment.");
        t.app.policies.change(t.site.id(), Map.of("floodSeconds", "60"), null);
        HttpResponse<String> quick = post(b, "A second, different thought");
        assertThat(quick.statusCode()).isEqualTo(429);
        assertThat(quick.body()).contains("Please wait");
    }

    @Test
    void premoderatingTheWholeSiteHoldsReaderComments() throws Exception {
        t.app.policies.change(t.site.id(), Map.of("premoderateAll", "true"), null);
        long id = idOf(post(TestTribune.browser(), "A calm comment on the seawall"));
        assertThat(status(id)).isEqualTo("pending");
        assertThat(page(TestTribune.browser())).doesNotContain("calm comment on the seawall");
    }

    @Test
    void reportsReachTheThresholdOncePerReaderAndTheCommentStaysVisible() throws Exception {
        long id = idOf(post(TestTribune.browser(), "A comment readers dislike about the budget"));
        HttpClient first = TestTribune.browser();
        assertThat(t.postForm(first, "/c/" + id + "/report", form("reason", "off-topic")).statusCode()).isEqualTo(303);
        assertThat(t.postForm(first, "/c/" + id + "/report", form("reason", "spam")).statusCode()).isEqualTo(409);
        HttpClient second = TestTribune.browser();
        HttpResponse<String> api = t.sendJson(second, "POST", "/api/v1/comments/" + id + "/report", "{\"reason\": \"hate-speech\"}");
        assertThat(api.statusCode()).isEqualTo(202);
        assertThat(t.sendJson(second, "POST", "/api/v1/comments/" + id + "/report", "{\"reason\": \"nonsense\"}").statusCode()).isEqualTo(422);
        assertThat(reportedAt(id)).isNull();
        assertThat(t.postForm(TestTribune.browser(), "/c/" + id + "/report", form("reason", "abusive")).statusCode()).isEqualTo(303);

        assertThat(reportedAt(id)).isNotNull();
        assertThat(status(id)).isEqualTo("published");
        assertThat(page(TestTribune.browser())).contains("readers dislike about the budget");
        assertThat(t.app.decisions.forComment(id)).anySatisfy(d -> assertThat(d.reason()).isEqualTo("reported by 3 readers"));
    }

    @Test
    void whereTheSiteHoldsReportedCommentsTheyLeaveTheThread() throws Exception {
        t.app.policies.change(t.site.id(), Map.of("reportThreshold", "1", "reportAction", "hold"), null);
        long id = idOf(post(TestTribune.browser(), "Another disputed claim about the tunnel"));
        assertThat(t.sendJson(TestTribune.browser(), "POST", "/api/v1/comments/" + id + "/report", "{\"reason\": \"misinformation\"}")
                .statusCode()).isEqualTo(202);
        assertThat(status(id)).isEqualTo("pending");
        assertThat(page(TestTribune.browser())).doesNotContain("disputed claim about the tunnel");
    }

    @Test
    void reportersAreRateLimitedAndCannotReportThemselves() throws Exception {
        t.app.policies.change(t.site.id(), Map.of("reportsPerHour", "1"), null);
        t.app.db.update(h -> h.execute("delete from flag")); // earlier tests' reports all came from this address
        HttpClient writer = TestTribune.browser();
        long a = idOf(post(writer, "Report target one on the museum"));
        long b = idOf(post(TestTribune.browser(), "Report target two on the museum"));
        assertThat(t.postForm(writer, "/c/" + a + "/report", form("reason", "spam")).statusCode()).isEqualTo(403);
        HttpClient reporter = TestTribune.browser();
        assertThat(t.postForm(reporter, "/c/" + a + "/report", form("reason", "spam")).statusCode()).isEqualTo(303);
        HttpResponse<String> limited = t.sendJson(reporter, "POST", "/api/v1/comments/" + b + "/report", "{\"reason\": \"spam\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("rate-limited");
    }

    @Test
    void aBannedWriterIsRefusedWithAClearMessageAndEarlierCommentsCanGo() throws Exception {
        HttpClient troll = TestTribune.browser();
        long earlier = idOf(post(troll, "An early comment by the troll"));
        Identity guest = t.app.sanctions.identitiesOf(earlier).stream().filter(i -> i.kind() == Identity.Kind.GUEST).findFirst().orElseThrow();
        t.app.sanctions.ban(t.site.id(), guest, "", null, true);

        assertThat(status(earlier)).isEqualTo("rejected");
        assertThat(page(TestTribune.browser())).doesNotContain("early comment by the troll");
        HttpResponse<String> refused = post(troll, "Trying again after the ban");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You are banned from commenting on this site.").contains("Trying again after the ban");
        assertThat(post(TestTribune.browser(), "Someone else may still post").statusCode()).isEqualTo(303);
    }

    @Test
    void aSuspendedEmailIsToldUntilWhenAndLiftingEndsIt() throws Exception {
        Instant until = Instant.now().plus(3, ChronoUnit.DAYS);
        Sanction s = t.app.sanctions.suspend(t.site.id(), Identity.email("Loud@Example.org"), until, "cool off", null, false);
        HttpResponse<String> refused = post(TestTribune.browser(), "Back with more", "email", "loud@example.org");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You are suspended from commenting on this site until").contains("cool off");
        t.app.sanctions.lift(t.site.id(), s.id(), null);
        assertThat(post(TestTribune.browser(), "Back with more, calmly", "email", "loud@example.org").statusCode()).isEqualTo(303);
    }

    @Test
    void holdEverythingFromOneAddressKeepsTheirCommentsToThemselves() throws Exception {
        HttpClient b = TestTribune.browser();
        long first = idOf(post(b, "Before the hold on this reader"));
        Identity ip = t.app.sanctions.identitiesOf(first).stream().filter(i -> i.kind() == Identity.Kind.GUEST).findFirst().orElseThrow();
        t.app.sanctions.holdEverything(t.site.id(), ip, "watch", null);
        long held = idOf(post(b, "After the hold on this reader"));
        assertThat(status(held)).isEqualTo("pending");
        assertThat(page(b)).contains("After the hold on this reader");
        assertThat(page(TestTribune.browser())).doesNotContain("After the hold on this reader");
    }
}

package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import dev.tribune.moderation.ModeratorLabels;
import dev.tribune.moderation.TextScores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The moderators' queue through real HTTP: each tab's contents, decisions, bulk, sanctions, roles and CSRF. */
class QueueIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;
    static StaffBrowser moderator;
    static StaffBrowser journalist;

    @BeforeAll
    static void start() throws Exception {
        // A stand-in classifier: "RUDE" is toxic (and names itself as the reason), "CHEAP" is spam.
        t = TestTribune.start(text -> new TextScores(text.contains("RUDE") ? 0.9 : 0.05, text.contains("CHEAP") ? 0.85 : 0.0,
                text.contains("RUDE") ? List.of("RUDE") : List.of()));
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "ada@test.org", "Ada Reporter", Role.JOURNALIST, PASSWORD, t.author.id());
        moderator = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
        journalist = StaffBrowser.signIn(t, "ada@test.org", PASSWORD);
    }

    @AfterAll
    static void stop() { t.close(); }

    @BeforeEach
    void balanced() {
        t.app.policies.usePreset(t.site.id(), "balanced", null);
        t.app.policies.change(t.site.id(), Map.of("maxPerHourPerIp", "10000", "floodSeconds", "0"), null);
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

    static long posted(String body, String... extra) throws Exception {
        return idOf(post(TestTribune.browser(), body, extra));
    }

    static String status(long id) {
        return t.app.db.read(h -> h.createQuery("select status from comment where id = ?").bind(0, id).mapTo(String.class).one());
    }

    static String tab(String tab) throws Exception {
        HttpResponse<String> r = moderator.get("/admin/queue?tab=" + tab);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static void report(long id, int readers) throws Exception {
        for (int i = 0; i < readers; i++) {
            assertThat(t.postForm(TestTribune.browser(), "/c/" + id + "/report", form("reason", "spam")).statusCode()).isEqualTo(303);
        }
    }

    @Test
    void eachTabShowsItsCommentsWithContextReasonsAndMarkedWords() throws Exception {
        long words = posted("Utter bullsh1t from the council on the ferry timetable");
        long toxic = posted("You RUDE fool, read the article", "confirm", "1");
        long parent = posted("The seawall needs raising before winter");
        long reply = posted("CHEAP watches for everyone today", "parentId", Long.toString(parent));
        long reported = posted("A comment readers dislike about the budget");
        report(reported, 3);
        long premoderated;
        t.app.policies.change(t.site.id(), Map.of("reportThreshold", "1", "reportAction", "hold"), null);
        premoderated = posted("Held because readers asked for it");
        report(premoderated, 1);

        String pending = tab("pending");
        assertThat(pending).contains("id=\"q" + words + "\"").contains("id=\"q" + toxic + "\"").contains("id=\"q" + reply + "\"")
                .contains("id=\"q" + premoderated + "\"").doesNotContain("id=\"q" + reported + "\"");
        assertThat(pending).contains("<mark>bullsh1t</mark>").contains("<mark>RUDE</mark>").contains("toxicity 0.90")
                .contains("In reply to Reader:").contains("The seawall needs raising before winter")
                .contains("href=\"/articles/harbour-story#comment-" + words + "\"").contains("Harbour story")
                .contains("Writer's record here: 1 comment, 0% rejected");
        String held = tab("held-by-rules");
        assertThat(held).contains("id=\"q" + words + "\"").contains("id=\"q" + reply + "\"").doesNotContain("id=\"q" + premoderated + "\"");
        String reportedTab = tab("reported");
        assertThat(reportedTab).contains("id=\"q" + reported + "\"").contains("id=\"q" + premoderated + "\"")
                .contains("Spam × 3").doesNotContain("id=\"q" + words + "\"");
        int pendingCount = t.app.db.read(h -> h.createQuery("select count(*) from comment where status = 'pending'").mapTo(Integer.class).one());
        assertThat(pending).contains("data-count-for=\"pending\">" + pendingCount + "<");
        assertThat(tab("rejected")).doesNotContain("id=\"q" + words + "\"");
        assertThat(tab("approved")).doesNotContain("id=\"q" + words + "\"");
    }

    @Test
    void approvingPublishesAndRejectingHidesEachRecordedAsLabeledDecisions() throws Exception {
        long good = posted("Shitty ferry but a fair point");
        long bad = posted("RUDE remark about the mayor", "confirm", "1");
        assertThat(status(good)).isEqualTo("pending");
        HttpResponse<String> ok = moderator.post("/admin/queue/" + good + "/approve", "back", "/admin/queue?tab=pending");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/queue?tab=pending&done=approved");
        assertThat(status(good)).isEqualTo("published");
        assertThat(t.get(TestTribune.browser(), "/articles/harbour-story").body()).contains("Shitty ferry but a fair point");
        assertThat(tab("approved")).contains("id=\"q" + good + "\"");
        assertThat(tab("pending")).doesNotContain("id=\"q" + good + "\"");

        assertThat(moderator.post("/admin/queue/" + bad + "/reject", "reason", "hate-speech", "note", "targets a group").statusCode()).isEqualTo(303);
        assertThat(status(bad)).isEqualTo("rejected");
        assertThat(tab("rejected")).contains("id=\"q" + bad + "\"").contains("hate-speech: targets a group");
        assertThat(t.app.decisions.forComment(bad)).anySatisfy(d -> {
            assertThat(d.phase()).isEqualTo("moderator");
            assertThat(d.outcome()).isEqualTo("reject");
        });
        List<ModeratorLabels.Label> labels = t.app.labels.all(t.site.id());
        assertThat(labels).anySatisfy(l -> {
            assertThat(l.commentId()).isEqualTo(good);
            assertThat(l.label()).isZero();
            assertThat(l.text()).isEqualTo("Shitty ferry but a fair point");
        }).anySatisfy(l -> {
            assertThat(l.commentId()).isEqualTo(bad);
            assertThat(l.label()).isEqualTo(1);
            assertThat(l.reason()).isEqualTo("hate-speech");
            assertThat(l.jsonl()).containsKeys("text", "label", "time", "site");
        });

        HttpResponse<String> badCode = moderator.post("/admin/queue/" + good + "/reject", "reason", "meh");
        assertThat(badCode.statusCode()).isEqualTo(422);
        assertThat(status(good)).isEqualTo("published");
    }

    @Test
    void approvingAReportedCommentKeepsItAndTakesItOffTheReportedTab() throws Exception {
        long id = posted("Disputed but fair point on the harbour dues");
        report(id, 3);
        assertThat(tab("reported")).contains("id=\"q" + id + "\"");
        moderator.post("/admin/queue/" + id + "/approve");
        assertThat(status(id)).isEqualTo("published");
        assertThat(tab("reported")).doesNotContain("id=\"q" + id + "\"");
    }

    @Test
    void bulkActionsDecideEveryTickedItem() throws Exception {
        long a = posted("Shitty bus service again");
        long b = posted("Shitty roads again");
        long c = posted("Shitty weather again");
        HttpResponse<String> r = moderator.post("/admin/queue/bulk", "action", "reject", "reason", "offensive",
                "pick-" + a, "1", "pick-" + b, "1", "back", "/admin/queue?tab=pending");
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("done=rejected-2");
        assertThat(status(a)).isEqualTo("rejected");
        assertThat(status(b)).isEqualTo("rejected");
        assertThat(status(c)).isEqualTo("pending");
        assertThat(moderator.get("/admin/queue?tab=pending&done=rejected-2").body()).contains("2 comments rejected.");
        moderator.post("/admin/queue/bulk", "action", "approve", "pick-" + c, "1");
        assertThat(status(c)).isEqualTo("published");
        assertThat(moderator.post("/admin/queue/bulk", "action", "approve").statusCode()).isEqualTo(422);
    }

    @Test
    void aBanFromTheQueueRefusesTheWriterAndCanRejectTheirEarlierComments() throws Exception {
        HttpClient troll = TestTribune.browser();
        long earlier = idOf(post(troll, "A first comment by the troll"));
        long held = idOf(post(troll, "Shitty take by the troll"));
        HttpResponse<String> r = moderator.post("/admin/queue/" + held + "/sanction", "identity", "guest", "kind", "ban",
                "reason", "repeated abuse", "rejectEarlier", "1");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(status(earlier)).isEqualTo("rejected");
        assertThat(status(held)).isEqualTo("rejected");
        HttpResponse<String> refused = post(troll, "Trying again after the ban");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You are banned from commenting on this site.").contains("repeated abuse");
        assertThat(post(TestTribune.browser(), "Someone else may still post here").statusCode()).isEqualTo(303);
    }

    @Test
    void aSuspensionLastsSomeDaysAndHoldEverythingKeepsCommentsForReview() throws Exception {
        HttpClient loud = TestTribune.browser();
        long c = idOf(post(loud, "Loud but allowed comment", "email", "loud@example.org"));
        assertThat(moderator.post("/admin/queue/" + c + "/sanction", "identity", "email", "kind", "suspend", "days", "0").statusCode())
                .isEqualTo(422);
        assertThat(post(TestTribune.browser(), "Still here after a refused suspension", "email", "loud@example.org").statusCode()).isEqualTo(303);
        moderator.post("/admin/queue/" + c + "/sanction", "identity", "email", "kind", "suspend", "days", "3", "reason", "cool off");
        HttpResponse<String> refused = post(TestTribune.browser(), "Back with more", "email", "loud@example.org");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You are suspended from commenting on this site until").contains("cool off");
        assertThat(status(c)).isEqualTo("published");

        HttpClient watched = TestTribune.browser();
        long first = idOf(post(watched, "Before the hold on this reader"));
        moderator.post("/admin/queue/" + first + "/sanction", "identity", "guest", "kind", "hold");
        long after = idOf(post(watched, "After the hold on this reader"));
        assertThat(status(after)).isEqualTo("pending");
        assertThat(tab("pending")).contains("id=\"q" + after + "\"");
        assertThat(moderator.post("/admin/queue/" + first + "/sanction", "identity", "account", "kind", "ban").statusCode()).isEqualTo(422);
    }

    @Test
    void theQueueSaysWhenNewItemsArrive() throws Exception {
        String page = tab("pending");
        String marker = page.replaceAll("(?s).*data-marker=\"(\\d+)\".*", "$1");
        HttpResponse<String> none = moderator.send(java.net.http.HttpRequest.newBuilder(moderator.uri("/admin/queue/news?tab=pending&marker=" + marker))
                .header("Accept", "application/json"));
        assertThat(none.body()).contains("\"arrived\":0").contains("\"pending\":");
        posted("Shitty new arrival");
        HttpResponse<String> one = moderator.get("/admin/queue/news?tab=pending&marker=" + marker);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"arrived\":1");
        assertThat(moderator.get("/admin/queue/news?tab=pending&marker=x").statusCode()).isEqualTo(422);
        assertThat(moderator.get("/admin/queue?tab=nonsense").statusCode()).isEqualTo(422);
    }

    @Test
    void journalistsAndGuestsCannotUseTheQueue() throws Exception {
        long id = posted("Shitty comment for the role test");
        assertThat(journalist.get("/admin/queue").statusCode()).isEqualTo(403);
        assertThat(journalist.get("/admin/queue/news?tab=pending&marker=0").statusCode()).isEqualTo(403);
        assertThat(journalist.post("/admin/queue/" + id + "/approve").statusCode()).isEqualTo(403);
        assertThat(journalist.post("/admin/queue/bulk", "action", "approve", "pick-" + id, "1").statusCode()).isEqualTo(403);
        assertThat(journalist.post("/admin/queue/" + id + "/sanction", "identity", "guest", "kind", "ban").statusCode()).isEqualTo(403);
        assertThat(journalist.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(journalist.get("/admin").body()).doesNotContain("href=\"/admin/queue\"");
        HttpResponse<String> guest = t.get(TestTribune.browser(), "/admin/queue");
        assertThat(guest.statusCode()).isEqualTo(303);
        assertThat(guest.headers().firstValue("Location").orElseThrow()).startsWith("/login?next=");
        assertThat(status(id)).isEqualTo("pending");
    }

    @Test
    void everyQueueActionNeedsTheSessionsCsrfToken() throws Exception {
        HttpClient writer = TestTribune.browser();
        long id = idOf(post(writer, "Shitty comment for the CSRF test"));
        int audit = t.app.audit.search(t.site.id(), dev.tribune.moderation.AuditLog.Filter.ALL, 1000).entries().size();
        String[][] attempts = {
                {"/admin/queue/" + id + "/approve"},
                {"/admin/queue/" + id + "/reject", "reason", "spam"},
                {"/admin/queue/" + id + "/sanction", "identity", "guest", "kind", "ban"},
                {"/admin/queue/bulk", "action", "approve", "pick-" + id, "1"},
                {"/admin/comments/" + id + "/hide"},
        };
        for (String[] a : attempts) {
            String[] kv = java.util.Arrays.copyOfRange(a, 1, a.length);
            assertThat(moderator.postRaw(a[0], kv).statusCode()).as(a[0]).isEqualTo(403);
            String[] forged = java.util.Arrays.copyOf(kv, kv.length + 2);
            forged[kv.length] = "csrf";
            forged[kv.length + 1] = "not-the-token";
            assertThat(moderator.postRaw(a[0], forged).statusCode()).as(a[0]).isEqualTo(403);
        }
        assertThat(status(id)).isEqualTo("pending");
        assertThat(post(writer, "Still allowed to post").statusCode()).isEqualTo(303);
        assertThat(t.app.audit.search(t.site.id(), dev.tribune.moderation.AuditLog.Filter.ALL, 1000).entries()).hasSize(audit);
    }
}

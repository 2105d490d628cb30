package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import dev.tribune.moderation.Policy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The moderation settings page and the audit log through real HTTP: changes, refusals in place, filters, roles, CSRF. */
class ModerationConsoleIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;
    static StaffBrowser admin;
    static StaffBrowser moderator;
    static StaffBrowser journalist;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        t.app.accounts.add(t.site.id(), "admin@test.org", "Ari Admin", Role.ADMIN, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "ada@test.org", "Ada Reporter", Role.JOURNALIST, PASSWORD, t.author.id());
        admin = StaffBrowser.signIn(t, "admin@test.org", PASSWORD);
        moderator = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
        journalist = StaffBrowser.signIn(t, "ada@test.org", PASSWORD);
        t.app.policies.change(t.site.id(), java.util.Map.of("maxPerHourPerIp", "10000", "floodSeconds", "0"), null);
    }

    @AfterAll
    static void stop() { t.close(); }

    static Policy policy() { return t.app.policies.forSite(t.site.id()); }

    static long posted(String name, String body) throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", form("name", name, "body", body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring(3));
    }

    @Test
    void anAdminChoosesAPresetChangesSettingsAndSeesRefusalsInPlace() throws Exception {
        assertThat(admin.get("/admin/moderation").body()).contains("Now following <strong>balanced</strong>");
        assertThat(admin.post("/admin/moderation/preset", "preset", "strict").statusCode()).isEqualTo(303);
        assertThat(policy().preset()).isEqualTo("strict");
        assertThat(policy().premoderateLinks()).isTrue();

        assertThat(admin.post("/admin/moderation/settings", "maxLinks", "4", "toxicityNudge", "off", "premoderateLinks", "false")
                .statusCode()).isEqualTo(303);
        assertThat(policy().maxLinks()).isEqualTo(4);
        assertThat(policy().toxicityNudge()).isNull();
        assertThat(policy().premoderateLinks()).isFalse();
        assertThat(admin.get("/admin/moderation?saved=1").body()).contains("Saved.").contains("name=\"toxicityNudge\" value=\"off\"");

        HttpResponse<String> bad = admin.post("/admin/moderation/settings", "maxLinks", "lots", "spamHold", "1.5", "reportThreshold", "9");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("data-field=\"maxLinks\"").contains("takes a whole number")
                .contains("value=\"lots\"").contains("value=\"1.5\"").contains("value=\"9\"");
        assertThat(policy().maxLinks()).isEqualTo(4);
        assertThat(policy().reportThreshold()).isEqualTo(Policy.STRICT.reportThreshold());
        HttpResponse<String> range = admin.post("/admin/moderation/settings", "spamHold", "1.5");
        assertThat(range.statusCode()).isEqualTo(422);
        assertThat(range.body()).contains("data-field=\"spamHold\"").contains("a score between 0 and 1");
        assertThat(admin.post("/admin/moderation/preset", "preset", "wild").statusCode()).isEqualTo(422);
        assertThat(policy().preset()).isEqualTo("strict");
        t.app.policies.usePreset(t.site.id(), "balanced", null);
        t.app.policies.change(t.site.id(), java.util.Map.of("maxPerHourPerIp", "10000", "floodSeconds", "0"), null);
    }

    @Test
    void theSitesOwnWordsHoldRefuseAndAllow() throws Exception {
        assertThat(admin.post("/admin/moderation/words", "bannedWords", "grifter\n", "suspectWords", "clown*\nlap dog",
                "allowedWords", "clownfish").statusCode()).isEqualTo(303);
        assertThat(policy().bannedWords()).isEqualTo("grifter");
        assertThat(policy().suspectWords()).isEqualTo("clown*,lap dog");
        assertThat(admin.get("/admin/moderation").body()).contains("clown*\nlap dog</textarea>");
        assertThat(t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", form("name", "R", "body", "What a gr1fter"))
                .statusCode()).isEqualTo(422);
        long held = posted("R", "The mayor is a clown");
        long fine = posted("R", "A clownfish in the harbour");
        assertThat(t.app.threads.comment(held).orElseThrow().status().db()).isEqualTo("pending");
        assertThat(t.app.threads.comment(fine).orElseThrow().status().db()).isEqualTo("published");
        HttpResponse<String> tooLong = admin.post("/admin/moderation/words", "bannedWords", "x".repeat(AdminModeration.MAX_LIST_CHARS + 1),
                "suspectWords", "kept as typed");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("data-field=\"bannedWords\"").contains("kept as typed");
        assertThat(policy().bannedWords()).isEqualTo("grifter");
    }

    @Test
    void onlyAdminsChangeSettingsAndEveryChangeNeedsTheToken() throws Exception {
        assertThat(moderator.get("/admin/moderation").statusCode()).isEqualTo(403);
        assertThat(journalist.get("/admin/moderation").statusCode()).isEqualTo(403);
        assertThat(moderator.post("/admin/moderation/settings", "maxLinks", "9").statusCode()).isEqualTo(403);
        assertThat(admin.postRaw("/admin/moderation/settings", "maxLinks", "9").statusCode()).isEqualTo(403);
        assertThat(admin.postRaw("/admin/moderation/preset", "preset", "relaxed").statusCode()).isEqualTo(403);
        assertThat(admin.postRaw("/admin/moderation/words", "bannedWords", "ferry").statusCode()).isEqualTo(403);
        assertThat(policy().maxLinks()).isNotEqualTo(9);
        assertThat(policy().bannedWords()).doesNotContain("ferry");
        assertThat(moderator.get("/admin").body()).doesNotContain("href=\"/admin/moderation\"");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/moderation\"");
    }

    @Test
    void theAuditLogRecordsEveryDecisionAndFiltersThem() throws Exception {
        long a = posted("Audited Annie", "Shitty thing one");
        long b = posted("Bob Builder", "Shitty thing two");
        moderator.post("/admin/queue/" + a + "/approve");
        admin.post("/admin/queue/" + b + "/reject", "reason", "abusive", "note", "name-calling");
        admin.post("/admin/comments/" + a + "/hide", "reason", "second thoughts");
        moderator.post("/admin/comments/" + a + "/restore");
        moderator.post("/admin/queue/" + b + "/sanction", "identity", "guest", "kind", "suspend", "days", "2", "reason", "cool off");
        admin.post("/admin/moderation/settings", "maxLinks", "7");

        String all = moderator.get("/admin/audit").body();
        assertThat(all).contains("data-action=\"approve\"").contains("data-action=\"reject\"").contains("data-action=\"hide\"")
                .contains("data-action=\"restore\"").contains("data-action=\"suspend\"").contains("data-action=\"settings\"")
                .contains("abusive: name-calling").contains("second thoughts").contains("Mona Moderator").contains("Ari Admin")
                .contains("maxLinks");

        long mona = t.app.accounts.forSite(t.site.id()).stream().filter(x -> x.displayName().equals("Mona Moderator")).findFirst().orElseThrow().id();
        String byMona = moderator.get("/admin/audit?moderator=" + mona).body();
        assertThat(byMona).contains("data-action=\"approve\"").doesNotContain("data-action=\"reject\"").doesNotContain("data-action=\"settings\"");
        assertThat(moderator.get("/admin/audit?action=reject").body()).contains("abusive: name-calling").doesNotContain("data-action=\"approve\"");
        assertThat(moderator.get("/admin/audit?comment=" + a).body()).contains("data-action=\"hide\"").doesNotContain("data-action=\"suspend\"");
        assertThat(moderator.get("/admin/audit?commenter=bob").body()).contains("data-action=\"suspend\"").doesNotContain("data-action=\"hide\"");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(moderator.get("/admin/audit?from=" + today + "&to=" + today).body()).contains("data-action=\"approve\"");
        assertThat(moderator.get("/admin/audit?from=" + tomorrow).body()).doesNotContain("class=\"audit-entry\"").contains("No entries match.");

        HttpResponse<String> bad = moderator.get("/admin/audit?from=yesterday&comment=abc&commenter=Bob");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("data-field=\"from\"").contains("data-field=\"comment\"").contains("value=\"yesterday\"")
                .contains("value=\"Bob\"");
        assertThat(moderator.get("/admin/audit?from=" + tomorrow + "&to=" + today).statusCode()).isEqualTo(422);
        assertThat(moderator.get("/admin/audit?action=explode").statusCode()).isEqualTo(422);
    }
}

package dev.tribune.web;

import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The sanctions page through real HTTP: what is in force, lifting a ban or ending a suspension (audited), roles and CSRF. */
@OnEveryDatabase
class SanctionsIT {
    static final String PASSWORD = "correct horse battery";
    @Parameter TestDatabase database;
    static TestTribune t;
    static StaffBrowser moderator;
    static StaffBrowser journalist;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) throws Exception {
        t = TestTribune.start(database);
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "ada@test.org", "Ada Reporter", Role.JOURNALIST, PASSWORD, t.author.id());
        moderator = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
        journalist = StaffBrowser.signIn(t, "ada@test.org", PASSWORD);
    }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    static HttpResponse<String> post(HttpClient b, String name, String body, String... extra) throws Exception {
        String[] kv = new String[4 + extra.length];
        kv[0] = "name"; kv[1] = name; kv[2] = "body"; kv[3] = body;
        System.arraycopy(extra, 0, kv, 4, extra.length);
        return t.postForm(b, "/articles/harbour-story/comments", form(kv));
    }

    static long idOf(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring(3));
    }

    static long sanctionIdIn(String page, String kind) {
        var m = java.util.regex.Pattern.compile("data-sanction=\"(\\d+)\" data-kind=\"" + kind + "\"").matcher(page);
        assertThat(m.find()).as("a " + kind + " row in the sanctions page").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void liftingABanLetsTheWriterPostAgainAndIsInTheAuditLog() throws Exception {
        HttpClient troll = TestTribune.browser();
        long c = idOf(post(troll, "Tobias Troll", "First words from the harbour troll"));
        assertThat(moderator.post("/admin/queue/" + c + "/sanction", "identity", "guest", "kind", "ban", "reason", "trolling")
                .statusCode()).isEqualTo(303);
        assertThat(post(troll, "Tobias Troll", "Trying while banned").statusCode()).isEqualTo(403);

        String page = moderator.get("/admin/sanctions").body();
        long ban = sanctionIdIn(page, "ban");
        assertThat(page).contains("Tobias Troll").contains("Banned").contains("trolling").contains("Lift ban");

        // a journalist may not lift it, nor anyone without the form's token
        assertThat(journalist.post("/admin/sanctions/" + ban + "/lift").statusCode()).isEqualTo(403);
        assertThat(moderator.postRaw("/admin/sanctions/" + ban + "/lift").statusCode()).isEqualTo(403);
        assertThat(post(troll, "Tobias Troll", "Still banned").statusCode()).isEqualTo(403);

        HttpResponse<String> lifted = moderator.post("/admin/sanctions/" + ban + "/lift");
        assertThat(lifted.statusCode()).isEqualTo(303);
        assertThat(lifted.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/sanctions?done=ban");
        String after = moderator.get("/admin/sanctions?done=ban").body();
        assertThat(after).contains("The ban is lifted").doesNotContain("data-sanction=\"" + ban + "\"");
        idOf(post(troll, "Tobias Troll", "Back after the ban was lifted"));

        String audit = moderator.get("/admin/audit?action=lift").body();
        assertThat(audit).contains("data-action=\"lift\"").contains("Mona Moderator").contains("Tobias Troll")
                .contains("\"kind\":\"ban\"").doesNotContain("data-action=\"ban\"");
        // lifting twice says it is no longer in force
        HttpResponse<String> again = moderator.post("/admin/sanctions/" + ban + "/lift");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("no sanction " + ban + " in force");
    }

    @Test
    void endingASuspensionAndStoppingAHold() throws Exception {
        long loud = idOf(post(TestTribune.browser(), "Lou Loud", "Loud but allowed", "email", "lou@example.org"));
        moderator.post("/admin/queue/" + loud + "/sanction", "identity", "email", "kind", "suspend", "days", "3", "reason", "cool off");
        HttpClient quiet = TestTribune.browser();
        long q = idOf(post(quiet, "Quinn Quiet", "Borderline but allowed"));
        moderator.post("/admin/queue/" + q + "/sanction", "identity", "guest", "kind", "hold");

        String page = moderator.get("/admin/sanctions").body();
        long suspension = sanctionIdIn(page, "suspend");
        long hold = sanctionIdIn(page, "premoderate");
        assertThat(page).contains("End suspension").contains("Stop holding").contains("email lou@example.org");
        assertThat(post(TestTribune.browser(), "Lou Loud", "Back too soon", "email", "lou@example.org").statusCode()).isEqualTo(403);

        assertThat(moderator.post("/admin/sanctions/" + suspension + "/lift").statusCode()).isEqualTo(303);
        idOf(post(TestTribune.browser(), "Lou Loud", "Back after the suspension ended", "email", "lou@example.org"));

        long held = idOf(post(quiet, "Quinn Quiet", "Held while the hold lasts"));
        assertThat(status(held)).isEqualTo("pending");
        assertThat(moderator.post("/admin/sanctions/" + hold + "/lift").statusCode()).isEqualTo(303);
        long free = idOf(post(quiet, "Quinn Quiet", "Published once the hold stopped"));
        assertThat(status(free)).isEqualTo("published");
        assertThat(moderator.get("/admin/sanctions").body()).contains("No bans, suspensions or holds are in force.");
    }

    static String status(long id) {
        return t.app.db.read(h -> h.createQuery("select status from comment where id = ?").bind(0, id).mapTo(String.class).one());
    }
}

package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Hiding a comment with replies leaves a "[removed]" tombstone: the replies stay, and readers see as many comments as the count says. */
class HiddenParentIT {
    static final String PASSWORD = "correct horse battery";
    static final Pattern SHOWN = Pattern.compile("<li class=\"comment indent-\\d+\"");
    static final Pattern COUNT = Pattern.compile("data-count=\"(\\d+)\"");
    static TestTribune t;
    static StaffBrowser moderator;

    @BeforeAll
    static void start() throws Exception {
        t = TestTribune.start();
        t.app.policies.change(t.site.id(), java.util.Map.of("maxPerHourPerIp", "10000", "floodSeconds", "0"), null);
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        moderator = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
    }

    @AfterAll
    static void stop() { t.close(); }

    static long post(HttpClient b, String body, Long parent) throws Exception {
        String f = parent == null ? form("name", "Reader", "body", body) : form("name", "Reader", "body", body, "parentId", parent.toString());
        HttpResponse<String> r = t.postForm(b, "/articles/harbour-story/comments", f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring(3));
    }

    /** Published comments a reader sees on the page (tombstones and held ones excluded), and the count the page states. */
    static int[] shownAndCounted(HttpClient reader) throws Exception {
        String page = t.get(reader, "/articles/harbour-story").body();
        int shown = 0;
        for (Matcher m = SHOWN.matcher(page); m.find(); ) shown++;
        Matcher c = COUNT.matcher(page);
        assertThat(c.find()).isTrue();
        return new int[] {shown, Integer.parseInt(c.group(1))};
    }

    @Test
    void hidingAndRestoringAParentKeepsItsRepliesAndTheCountTrue() throws Exception {
        long parent = post(TestTribune.browser(), "The parent that will be hidden", null);
        post(TestTribune.browser(), "First reply stays readable", parent);
        long second = post(TestTribune.browser(), "Second reply stays readable", parent);
        post(TestTribune.browser(), "A reply to the second reply", second);
        HttpClient reader = TestTribune.browser();
        assertThat(shownAndCounted(reader)).containsExactly(4, 4);

        assertThat(moderator.post("/admin/comments/" + parent + "/hide", "reason", "abuse").statusCode()).isEqualTo(303);
        String page = t.get(reader, "/articles/harbour-story").body();
        assertThat(page).doesNotContain("The parent that will be hidden").contains("[removed]")
                .contains("First reply stays readable").contains("A reply to the second reply");
        assertThat(shownAndCounted(reader)).containsExactly(3, 3);
        assertThat(t.get(reader, "/api/v1/articles/harbour-story/comments").body()).contains("\"status\":\"removed\"")
                .doesNotContain("The parent that will be hidden");

        moderator.post("/admin/comments/" + second + "/hide");
        assertThat(shownAndCounted(reader)).containsExactly(2, 2);
        moderator.post("/admin/comments/" + parent + "/restore");
        moderator.post("/admin/comments/" + second + "/restore");
        assertThat(t.get(reader, "/articles/harbour-story").body()).contains("The parent that will be hidden").doesNotContain("[removed]");
        assertThat(shownAndCounted(reader)).containsExactly(4, 4);
    }

    @Test
    void aHiddenCommentWithoutRepliesLeavesNoTombstone() throws Exception {
        long lone = post(TestTribune.browser(), "A lone comment to hide", null);
        moderator.post("/admin/comments/" + lone + "/hide");
        String page = t.get(TestTribune.browser(), "/articles/harbour-story").body();
        assertThat(page).doesNotContain("A lone comment to hide").doesNotContain("id=\"comment-" + lone + "\"");
    }
}

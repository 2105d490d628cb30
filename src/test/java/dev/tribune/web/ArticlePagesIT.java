package dev.tribune.web;

import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@OnEveryDatabase
class ArticlePagesIT {
    @Parameter TestDatabase database;
    static TestTribune t;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) { t = TestTribune.start(database); }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    static String form(String... kv) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (s.length() > 0) s.append('&');
            s.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    @Test
    void aFormPostAppearsNumberedInThePageAndTheCountFollows() throws Exception {
        HttpClient b = TestTribune.browser();
        HttpResponse<String> posted = t.postForm(b, "/articles/harbour-story/comments",
                form("name", "Marta", "body", "The *port* plan is rushed."));
        assertThat(posted.statusCode()).isEqualTo(303);
        String permalink = posted.headers().firstValue("Location").orElseThrow();
        assertThat(permalink).matches("/c/\\d+");
        HttpResponse<String> redirect = t.get(b, permalink);
        assertThat(redirect.statusCode()).isEqualTo(303);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/articles/harbour-story").contains("#comment-" + permalink.substring(3));

        HttpResponse<String> page = t.get(b, "/articles/harbour-story");
        assertThat(page.body()).contains("id=\"comment-" + permalink.substring(3) + "\"")
                .contains("<em>port</em>").contains("Marta").contains("1 comment");
        assertThat(t.get(TestTribune.browser(), "/").body()).contains("1 comment");
    }

    @Test
    void anEmptyBodyIsRefusedInPlaceKeepingWhatWasTyped() throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments",
                form("name", "Keep Me", "email", "keep@example.org", "body", "   "));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Your comment is empty.").contains("value=\"Keep Me\"").contains("keep@example.org");
    }
}

package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.config.Settings;
import dev.tribune.domain.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind TLS (an https base URL) every session cookie is Secure as well as HttpOnly and
 * SameSite=Lax: the reader's (form and API sign-in), the staff member's and the browser token.
 */
class SecureCookiesIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;

    @BeforeAll
    static void start() {
        t = TestTribune.startWith(s -> Settings.resolve(Map.of(), 0, "127.0.0.1", s.database(), "https://news.test", s.secret(), "127.0.0.1"));
        long id = t.app.readers.signUp(t.site.id(), "rae@test.org", PASSWORD, "Rae Reader").id();
        t.app.readers.markVerified(id);
        t.app.accounts.add(t.site.id(), "ed@test.org", "Ed Itor", Role.ADMIN, PASSWORD, null);
    }

    @AfterAll
    static void stop() { t.close(); }

    static String cookie(HttpResponse<String> r, String name) {
        List<String> all = r.headers().allValues("Set-Cookie");
        return all.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + all));
    }

    @Test
    void sessionCookiesAreSecureHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> reader = t.postForm(TestTribune.browser(), "/account/sign-in", form("email", "rae@test.org", "password", PASSWORD));
        assertThat(reader.statusCode()).isEqualTo(303);
        assertThat(cookie(reader, Visitors.READER_COOKIE)).contains("HttpOnly").contains("SameSite=Lax").contains("; Secure");

        HttpResponse<String> staff = t.postForm(TestTribune.browser(), "/login", form("email", "ed@test.org", "password", PASSWORD));
        assertThat(staff.statusCode()).isEqualTo(303);
        assertThat(cookie(staff, Visitors.STAFF_COOKIE)).contains("HttpOnly").contains("SameSite=Lax").contains("; Secure");

        HttpResponse<String> guest = t.postForm(TestTribune.browser(), "/articles/harbour-story/comments", form("name", "Gil", "body", "Hello."));
        assertThat(guest.statusCode()).isEqualTo(303);
        assertThat(cookie(guest, Visitors.BROWSER_COOKIE)).contains("HttpOnly").contains("SameSite=Lax").contains("; Secure");
    }
}

package dev.tribune.web;

import dev.tribune.TestTribune;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** One staff member's browser in tests: signs in through the real form and echoes the session's CSRF token. */
final class StaffBrowser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final TestTribune t;
    final HttpClient client = TestTribune.browser();
    String csrf;

    private StaffBrowser(TestTribune t) {
        this.t = t;
    }

    static StaffBrowser signIn(TestTribune t, String email, String password) throws Exception {
        StaffBrowser b = new StaffBrowser(t);
        HttpResponse<String> r = t.postForm(b.client, "/login", form("email", email, "password", password));
        assertThat(r.statusCode()).as("sign-in of " + email + ": " + r.body()).isEqualTo(303);
        HttpResponse<String> admin = b.get("/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        b.csrf = csrfIn(admin.body());
        return b;
    }

    static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a csrf field in the page").isTrue();
        return m.group(1);
    }

    HttpResponse<String> get(String path) throws Exception {
        return t.get(client, path);
    }

    /** Posts a form with this session's CSRF token added. */
    HttpResponse<String> post(String path, String... kv) throws Exception {
        String[] all = new String[kv.length + 2];
        System.arraycopy(kv, 0, all, 0, kv.length);
        all[kv.length] = "csrf";
        all[kv.length + 1] = csrf;
        return t.postForm(client, path, form(all));
    }

    /** Posts a form exactly as given (no token unless the caller puts one in). */
    HttpResponse<String> postRaw(String path, String... kv) throws Exception {
        return t.postForm(client, path, form(kv));
    }

    HttpResponse<String> send(HttpRequest.Builder req) throws Exception {
        return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create(t.url(path));
    }

    static String form(String... kv) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (s.length() > 0) s.append('&');
            s.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return s.toString();
    }
}

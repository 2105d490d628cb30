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
    /** Where the console is: the test server's URL, or the same port under another host name (another site). */
    final String base;
    String csrf;

    private StaffBrowser(TestTribune t, String base) {
        this.t = t;
        this.base = base;
    }

    static StaffBrowser signIn(TestTribune t, String email, String password) throws Exception {
        return signIn(t, "127.0.0.1", email, password);
    }

    /** Signs in on the site served under host (the Host header the requests carry). */
    static StaffBrowser signIn(TestTribune t, String host, String email, String password) throws Exception {
        StaffBrowser b = new StaffBrowser(t, "http://" + host + ":" + t.port);
        HttpResponse<String> r = b.postRaw("/login", "email", email, "password", password);
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
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with this session's CSRF token added. */
    HttpResponse<String> post(String path, String... kv) throws Exception {
        String[] all = new String[kv.length + 2];
        System.arraycopy(kv, 0, all, 0, kv.length);
        all[kv.length] = "csrf";
        all[kv.length + 1] = csrf;
        return postRaw(path, all);
    }

    /** Posts a form exactly as given (no token unless the caller puts one in). */
    HttpResponse<String> postRaw(String path, String... kv) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(kv))).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder req) throws Exception {
        return client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create(base + path);
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

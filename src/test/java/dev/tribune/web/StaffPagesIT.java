package dev.tribune.web;

import dev.tribune.TestTribune;
import dev.tribune.domain.Role;
import dev.tribune.identity.SignInThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import static dev.tribune.web.StaffBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

class StaffPagesIT {
    static final String PASSWORD = "correct horse battery";
    static TestTribune t;

    @BeforeAll
    static void start() {
        t = TestTribune.start();
        t.app.accounts.add(t.site.id(), "mod@test.org", "Mona Moderator", Role.MODERATOR, PASSWORD, null);
        t.app.accounts.add(t.site.id(), "locked@test.org", "Lee Locked", Role.ADMIN, PASSWORD, null);
    }

    @AfterAll
    static void stop() { t.close(); }

    @Test
    void signingInSetsAStrictSessionCookieAndGoesBackWhereTheyCameFrom() throws Exception {
        HttpClient b = TestTribune.browser();
        HttpResponse<String> form = t.get(b, "/login?next=/admin/comments?status=pending");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(form.body()).contains("value=\"/admin/comments?status=pending\"");

        HttpResponse<String> r = t.postForm(b, "/login", form("email", "MOD@test.org ", "password", PASSWORD,
                "next", "/admin/comments?status=pending"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/comments?status=pending");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tribune_staff=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");

        HttpResponse<String> admin = t.get(b, "/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("Mona Moderator").contains("Moderator").contains("Sign out");
        assertThat(admin.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        // Already signed in: the sign-in page sends them on.
        assertThat(t.get(b, "/login?next=/admin/comments").headers().firstValue("Location")).hasValue("/admin/comments");
    }

    @Test
    void anotherSitesAddressIsNeverFollowedAfterSigningIn() throws Exception {
        HttpResponse<String> r = t.postForm(TestTribune.browser(), "/login", form("email", "mod@test.org", "password", PASSWORD,
                "next", "//evil.example/x"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithTheEmailKept() throws Exception {
        HttpClient b = TestTribune.browser();
        HttpResponse<String> r = t.postForm(b, "/login", form("email", "mod@test.org", "password", "not the password",
                "next", "/admin/comments"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("do not match a staff account").contains("value=\"mod@test.org\"")
                .contains("value=\"/admin/comments\"");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tribune_staff="));
        assertThat(t.get(b, "/admin").statusCode()).isEqualTo(303);

        HttpResponse<String> unknown = t.postForm(b, "/login", form("email", "nobody@test.org", "password", PASSWORD));
        assertThat(unknown.statusCode()).isEqualTo(401);
        HttpResponse<String> empty = t.postForm(b, "/login", form("email", "", "password", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Please give your email address and your password.");
    }

    @Test
    void repeatedFailuresForOneEmailLockItForAWhile() throws Exception {
        HttpClient b = TestTribune.browser();
        for (int i = 0; i < SignInThrottle.MAX_PER_EMAIL; i++) {
            assertThat(t.postForm(b, "/login", form("email", "locked@test.org", "password", "guess number " + i)).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> r = t.postForm(b, "/login", form("email", "locked@test.org", "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("Too many failed sign-in attempts. Try again in 15 minutes.").contains("value=\"locked@test.org\"");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("tribune_staff="));
        // Other accounts from the same address are not locked out by one account's failures.
        StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
    }

    @Test
    void anonymousVisitorsOfTheConsoleAreSentToSignIn() throws Exception {
        HttpClient b = TestTribune.browser();
        HttpResponse<String> r = t.get(b, "/admin");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/login?next=%2Fadmin");
        HttpResponse<String> deep = t.get(b, "/admin/comments?status=pending");
        assertThat(deep.headers().firstValue("Location")).hasValue("/login?next=%2Fadmin%2Fcomments%3Fstatus%3Dpending");
        // A forged session cookie is no session.
        HttpResponse<String> forged = b.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.url("/admin")))
                .header("Cookie", "tribune_staff=made-up-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(303);
    }

    @Test
    void signingOutNeedsTheTokenAndEndsTheSession() throws Exception {
        StaffBrowser mod = StaffBrowser.signIn(t, "mod@test.org", PASSWORD);
        HttpResponse<String> forged = mod.postRaw("/logout", "csrf", "forged");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("cross-site request refused");
        assertThat(mod.get("/admin").statusCode()).isEqualTo(200);

        HttpResponse<String> out = mod.post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/login?out=1");
        assertThat(mod.get("/admin").statusCode()).isEqualTo(303);
        assertThat(mod.get("/login?out=1").body()).contains("You are signed out.");
    }
}

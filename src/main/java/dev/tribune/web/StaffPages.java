package dev.tribune.web;

import dev.tribune.domain.Account;
import dev.tribune.domain.Refusal;
import dev.tribune.identity.SignInThrottle;
import dev.tribune.identity.SiteStaff;
import dev.tribune.identity.StaffSessions;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Staff sign-in and sign-out. A session belongs to the site it was opened on; staff of another
 * site who were given a role here sign in with their own email and password.
 */
public final class StaffPages implements HttpService {
    private final SiteStaff staff;
    private final StaffSessions sessions;
    private final Visitors visitors;
    private final Templates templates;
    private final boolean secureCookies;
    private final SignInThrottle throttle = new SignInThrottle(Clock.systemUTC());

    public StaffPages(SiteStaff staff, StaffSessions sessions, Visitors visitors, Templates templates, boolean secureCookies) {
        this.staff = staff;
        this.sessions = sessions;
        this.visitors = visitors;
        this.templates = templates;
        this.secureCookies = secureCookies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/login", this::form)
                .post("/login", this::signIn)
                .post("/logout", this::signOut);
    }

    private void form(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        String next = StaffOnly.localPath(Responses.query(req, "next"), "/admin");
        if (v.staff() != null) {
            Responses.redirect(res, next);
            return;
        }
        String note = Responses.query(req, "out") != null ? "You are signed out." : null;
        page(res, v, 200, "", next, null, note);
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Map<String, String> f = Forms.parse(req);
        String email = f.getOrDefault("email", "").strip();
        String password = f.getOrDefault("password", "");
        String next = StaffOnly.localPath(f.get("next"), "/admin");
        try {
            // Signing in is guarded by where the request comes from; a session's token is not needed yet.
            visitors.checkCsrf(req, withoutSession(v), null);
            if (email.isEmpty() || password.isEmpty()) {
                throw new Refusal(422, "invalid-input", "Please give your email address and your password.");
            }
            Duration wait = throttle.waitBefore(v.site().id(), email, v.clientIp());
            if (!wait.isZero()) {
                long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
                res.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
                throw new Refusal(429, "too-many-attempts", "Too many failed sign-in attempts. Try again in "
                        + Fmt.plural(minutes, "minute") + ".");
            }
            Optional<Account> account = staff.authenticate(v.site().id(), email, password);
            if (account.isEmpty()) {
                throttle.failed(v.site().id(), email, v.clientIp());
                throw new Refusal(401, "wrong-credentials", "That email address and password do not match a staff account of "
                        + v.site().name() + ".");
            }
            throttle.succeeded(v.site().id(), email);
            String old = Responses.cookie(req, Visitors.STAFF_COOKIE);
            if (old != null) sessions.end(old);
            String token = sessions.start(account.get());
            Responses.setCookie(res, Visitors.STAFF_COOKIE, token, StaffSessions.LIFETIME, secureCookies);
            Responses.redirect(res, next);
        } catch (Refusal r) {
            page(res, v, r.status(), email, next, r.detail(), null);
        }
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Map<String, String> f = Forms.parse(req);
        if (v.staff() != null) {
            visitors.checkCsrf(req, v, f.get("csrf"));
            sessions.end(Responses.cookie(req, Visitors.STAFF_COOKIE));
        }
        Responses.clearCookie(res, Visitors.STAFF_COOKIE, secureCookies);
        Responses.redirect(res, "/login?out=1");
    }

    private void page(ServerResponse res, Visitor v, int status, String email, String next, String error, String note) {
        Map<String, Object> p = new HashMap<>();
        p.put("console", Console.of(withoutSession(v), "login"));
        p.put("email", email);
        p.put("next", next);
        p.put("error", error);
        p.put("note", note);
        Responses.noStore(res);
        Responses.html(res, status, templates.render("admin/login.jte", p));
    }

    private static Visitor withoutSession(Visitor v) {
        return new Visitor(v.site(), v.clientIp(), v.ipHash(), v.browserToken(), v.guestKey(), null, null, false);
    }
}

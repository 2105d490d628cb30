package dev.tribune.web;

import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
import dev.tribune.identity.ReaderSessions;
import dev.tribune.identity.SignInThrottle;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the reader's pages and the JSON endpoints share: starting a session (cookie plus the
 * bearer token in JSON), throttles on password guessing and on emails sent, and the site's
 * address for links in emails (never taken blindly from the Host header).
 */
public final class ReaderAccess {
    final ReaderSessions sessions;
    final SignInThrottle passwords = new SignInThrottle(Clock.systemUTC());
    final SignInThrottle emails = new SignInThrottle(Clock.systemUTC());
    private final boolean secureCookies;

    public ReaderAccess(ReaderSessions sessions, boolean secureCookies) {
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    /** Signs the reader in on this browser (cookie) and returns the session, whose token also works as a bearer token. */
    ReaderSessions.Started signIn(ServerRequest req, ServerResponse res, Reader r, String via) {
        String old = Responses.cookie(req, Visitors.READER_COOKIE);
        if (old != null) sessions.end(old);
        ReaderSessions.Started s = sessions.start(r, via);
        Responses.setCookie(res, Visitors.READER_COOKIE, s.token(), ReaderSessions.LIFETIME, secureCookies);
        return s;
    }

    void clearCookie(ServerResponse res) {
        Responses.clearCookie(res, Visitors.READER_COOKIE, secureCookies);
    }

    /** Refuses (429) when this email or address failed to sign in too often lately. */
    void checkPasswordThrottle(ServerResponse res, Visitor v, String email) {
        refuseIfWaiting(res, passwords.waitBefore(v.site().id(), email, v.clientIp()), "Too many failed sign-in attempts.");
    }

    /** Counts an email sent to this address (and from this client); refuses (429) past the limit. */
    void countEmail(ServerResponse res, Visitor v, String email) {
        refuseIfWaiting(res, emails.waitBefore(v.site().id(), email, v.clientIp()), "Too many emails asked for.");
        emails.failed(v.site().id(), email, v.clientIp());
    }

    private static void refuseIfWaiting(ServerResponse res, Duration wait, String what) {
        if (wait.isZero()) return;
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        res.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        throw new Refusal(429, "too-many-attempts", what + " Try again in " + Fmt.plural(minutes, "minute") + ".");
    }

    /**
     * The site's address for links in emails: the request's own host when it is the site's host
     * (whatever the port), else the site's configured host, so a forged Host header cannot send
     * a reader's link elsewhere.
     */
    String origin(ServerRequest req, Site site) {
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        String bare = host.replaceFirst(":\\d+$", "").toLowerCase(java.util.Locale.ROOT);
        String siteBare = site.host().replaceFirst(":\\d+$", "");
        String authority = bare.equals(siteBare) && host.matches("[A-Za-z0-9.-]+(:\\d+)?") ? host : site.host();
        return (secureCookies ? "https://" : "http://") + authority;
    }

    /** A reader as the JSON endpoints show them; email only to the reader themself. */
    static Map<String, Object> json(Reader r, boolean self) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("displayName", r.displayName());
        m.put("handle", r.handle());
        m.put("avatarUrl", r.avatarUrl());
        m.put("bio", r.bio());
        m.put("role", r.role().db());
        m.put("badges", r.badges());
        m.put("page", r.pagePath());
        if (self) {
            m.put("email", r.email());
            m.put("emailVerified", r.emailVerified());
        }
        return m;
    }

    /** The JSON answer of every sign-in endpoint: the bearer token, the cookie form's CSRF token, expiry and who. */
    static Map<String, Object> sessionJson(ReaderSessions.Started s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", s.token());
        m.put("csrfToken", s.session().csrfToken());
        m.put("expiresAt", s.session().expiresAt().toString());
        m.put("reader", json(s.session().reader(), true));
        return m;
    }
}

package dev.tribune.web;

import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.identity.ReaderMail;
import dev.tribune.identity.ReaderSessions;
import dev.tribune.identity.Readers;
import dev.tribune.identity.SsoTokens;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Readers' sign-in for scripts (the embed, single-page sites): JSON in, JSON out. Every sign-in
 * answers with a bearer token (for browsers that block the embed's cookies) and also sets the
 * reader cookie. The host site's SSO token is exchanged at /api/v1/sso/session (alias /sso/session).
 */
public final class ReaderApi implements HttpService {
    private final Readers readers;
    private final SsoTokens sso;
    private final ReaderMail mail;
    private final ReaderAccess access;
    private final Visitors visitors;

    public ReaderApi(Readers readers, SsoTokens sso, ReaderMail mail, ReaderAccess access, Visitors visitors) {
        this.readers = readers;
        this.sso = sso;
        this.mail = mail;
        this.access = access;
        this.visitors = visitors;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/session", this::me)
                .post("/api/v1/session", this::signIn)
                .delete("/api/v1/session", this::signOut)
                .delete("/api/v1/sessions", this::signOutEverywhere)
                .post("/api/v1/session/link", this::emailLink)
                .post("/api/v1/session/token", this::tokenForCookie)
                .post("/api/v1/sso/session", this::ssoSignIn)
                .delete("/api/v1/sso/session", this::signOut)
                .post("/sso/session", this::ssoSignIn)
                .delete("/sso/session", this::signOut)
                .post("/sso/logout", this::signOut);
    }

    /** Checks a reader's password, counting failures against the sign-in throttle; refused 401/403/429. */
    static Reader passwordSignIn(Readers readers, ReaderAccess access, ServerResponse res, Visitor v, String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw new Refusal(422, "invalid-input", "Please give your email address and your password.");
        }
        access.checkPasswordThrottle(res, v, email);
        Optional<Reader> r = readers.authenticate(v.site().id(), email, password);
        if (r.isEmpty()) {
            access.passwords.failed(v.site().id(), email, v.clientIp());
            throw new Refusal(401, "wrong-credentials", "That email address and password do not match an account of " + v.site().name() + ".");
        }
        access.passwords.succeeded(v.site().id(), email);
        if (!r.get().emailVerified()) {
            throw new Refusal(403, "unverified-email", "Please confirm your address first: open the link we emailed to "
                    + r.get().email() + ", or ask for a sign-in link.");
        }
        return r.get();
    }

    private void me(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reader", v.reader() == null ? null : ReaderAccess.json(v.reader().reader(), true));
        out.put("csrfToken", v.reader() == null || v.bearer() ? null : v.reader().csrfToken());
        out.put("expiresAt", v.reader() == null ? null : v.reader().expiresAt().toString());
        Responses.noStore(res);
        Responses.json(res, 200, out);
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        JsonBody in = JsonBody.read(req);
        String email = in.text("email");
        String password = in.text("password");
        in.check();
        Reader r = passwordSignIn(readers, access, res, v, email, password);
        ReaderSessions.Started s = access.signIn(req, res, r, "password");
        Responses.noStore(res);
        Responses.json(res, 200, ReaderAccess.sessionJson(s));
    }

    private void ssoSignIn(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        String token;
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (type.startsWith("application/x-www-form-urlencoded")) {
            token = Forms.parse(req).get("token");
        } else {
            JsonBody in = JsonBody.read(req);
            token = in.text("token");
            in.check();
        }
        // The token itself is the proof (signed by the host site for this site), so no CSRF token is asked for.
        Reader r = sso.signIn(v.site(), token);
        ReaderSessions.Started s = access.signIn(req, res, r, "sso");
        Responses.noStore(res);
        Responses.json(res, 200, ReaderAccess.sessionJson(s));
    }

    /** Ends the session the request carries (bearer or cookie); logging out needs no CSRF token, and answers 204 even when signed out. */
    private void signOut(ServerRequest req, ServerResponse res) {
        String bearer = Visitors.bearerToken(req);
        access.sessions.end(bearer != null ? bearer : Responses.cookie(req, Visitors.READER_COOKIE));
        if (bearer == null) access.clearCookie(res);
        res.status(204);
        Responses.noStore(res);
        res.send();
    }

    private void signOutEverywhere(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        if (v.reader() == null) throw new Refusal(401, "sign-in-required", "Please sign in first.");
        visitors.checkCsrf(req, v, null);
        int ended = access.sessions.endAll(v.reader().reader().id());
        if (!v.bearer()) access.clearCookie(res);
        Responses.noStore(res);
        Responses.json(res, 200, Map.of("ended", ended));
    }

    private void emailLink(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req).signedOut();
        JsonBody in = JsonBody.read(req);
        String email = in.text("email");
        in.check();
        if (email == null || email.isBlank()) throw Refusal.invalid("email", "Please give your email address.");
        access.countEmail(res, v, email);
        readers.byEmail(v.site().id(), email).ifPresent(r -> mail.signInLink(v.site(), r, access.origin(req, v.site())));
        Responses.json(res, 202, Map.of("detail", "If that address has an account here, a sign-in link is on its way."));
    }

    /**
     * A bearer token for the reader signed in by cookie on this site's own pages: a sign-in window
     * on Tribune's origin (first-party, so its cookie works) hands it to an embed that cannot use cookies.
     */
    private void tokenForCookie(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        if (v.reader() == null || v.bearer()) throw new Refusal(401, "sign-in-required", "Please sign in first.");
        visitors.checkCsrf(req, v, null);
        ReaderSessions.Started s = access.sessions.start(v.reader().reader(), "handoff");
        Responses.noStore(res);
        Responses.json(res, 200, ReaderAccess.sessionJson(s));
    }
}

package dev.tribune.web;

import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.identity.ProviderSignIn;
import dev.tribune.identity.SiteSignOn;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Sign-in with an OpenID Connect provider or GitHub: /account/providers/{name}/start sends the
 * browser to the provider; /account/providers/{name}/callback (the redirect URI to register)
 * finishes, signs the reader in and returns them where they started.
 */
public final class ProviderRoutes implements HttpService {
    static final String PENDING_COOKIE = "tribune_signin";

    private final SiteSignOn signOn;
    private final ProviderSignIn providers;
    private final ReaderAccess access;
    private final Visitors visitors;

    public ProviderRoutes(SiteSignOn signOn, ProviderSignIn providers, ReaderAccess access, Visitors visitors) {
        this.signOn = signOn;
        this.providers = providers;
        this.access = access;
        this.visitors = visitors;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/account/providers/{name}/start", this::start)
                .get("/account/providers/{name}/callback", this::callback);
    }

    private void start(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        SiteSignOn.Provider p = provider(req, v);
        String next = StaffOnly.localPath(Responses.query(req, "next"), "/account");
        ProviderSignIn.Start s = providers.start(p, redirectUri(req, v, p), next);
        // Lax: the provider's redirect back is a top-level GET, which still carries it.
        res.headers().add(HeaderNames.SET_COOKIE, PENDING_COOKIE + "=" + s.pending() + "; Path=/account/providers; HttpOnly; SameSite=Lax; Max-Age="
                + ProviderSignIn.PENDING_LIFETIME.toSeconds() + (visitors.secureCookies() ? "; Secure" : ""));
        Responses.redirect(res, s.authorizationUrl());
    }

    private void callback(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        SiteSignOn.Provider p = provider(req, v);
        String pending = Responses.cookie(req, PENDING_COOKIE);
        res.headers().add(HeaderNames.SET_COOKIE, PENDING_COOKIE + "=; Path=/account/providers; HttpOnly; SameSite=Lax; Max-Age=0"
                + (visitors.secureCookies() ? "; Secure" : ""));
        String error = Responses.query(req, "error");
        if (error != null) {
            throw new Refusal(400, "provider-refused", p.label() + " did not sign you in (" + error.replaceAll("[^a-z_]", "") + ").");
        }
        Reader r = providers.finish(v.site().id(), p, redirectUri(req, v, p), Responses.query(req, "code"), Responses.query(req, "state"), pending);
        access.signIn(req, res, r, "oidc:" + p.name());
        Responses.redirect(res, providers.next(pending, "/account"));
    }

    private SiteSignOn.Provider provider(ServerRequest req, Visitor v) {
        String name = req.path().pathParameters().get("name");
        return signOn.provider(v.site().id(), name)
                .orElseThrow(() -> Refusal.notFound("There is no sign-in provider '" + name + "' on " + v.site().name() + "."));
    }

    /** The callback address registered with the provider: this site's address, never another host's. */
    private String redirectUri(ServerRequest req, Visitor v, SiteSignOn.Provider p) {
        return access.origin(req, v.site()) + "/account/providers/" + p.name() + "/callback";
    }
}

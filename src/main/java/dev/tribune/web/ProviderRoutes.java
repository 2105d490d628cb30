package dev.tribune.web;

import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
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
 * finishes, signs the reader in and returns them where they started. Started with ?embed=ORIGIN
 * (from the embed's sign-in popup), the flow is for the site that allows that page origin and
 * ends on the hand-off page instead (see {@link EmbedSignIn}).
 */
public final class ProviderRoutes implements HttpService {
    static final String PENDING_COOKIE = "tribune_signin";

    private final SiteSignOn signOn;
    private final ProviderSignIn providers;
    private final ReaderAccess access;
    private final Visitors visitors;
    private final EmbedSignIn embeds;

    public ProviderRoutes(SiteSignOn signOn, ProviderSignIn providers, ReaderAccess access, Visitors visitors, EmbedSignIn embeds) {
        this.signOn = signOn;
        this.providers = providers;
        this.access = access;
        this.visitors = visitors;
        this.embeds = embeds;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/account/providers/{name}/start", this::start)
                .get("/account/providers/{name}/callback", this::callback);
    }

    private void start(ServerRequest req, ServerResponse res) {
        String embed = Responses.query(req, "embed");
        ProviderSignIn.Start s;
        if (embed != null) {
            Site site = embeds.siteFor(embed);
            SiteSignOn.Provider p = provider(req, site);
            s = providers.start(p, popupRedirectUri(req, p), "/account", EmbedSignIn.normalized(embed));
        } else {
            Visitor v = visitors.of(req);
            SiteSignOn.Provider p = provider(req, v.site());
            String next = StaffOnly.localPath(Responses.query(req, "next"), "/account");
            s = providers.start(p, redirectUri(req, v, p), next);
        }
        // Lax: the provider's redirect back is a top-level GET, which still carries it.
        res.headers().add(HeaderNames.SET_COOKIE, PENDING_COOKIE + "=" + s.pending() + "; Path=/account/providers; HttpOnly; SameSite=Lax; Max-Age="
                + ProviderSignIn.PENDING_LIFETIME.toSeconds() + (visitors.secureCookies() ? "; Secure" : ""));
        Responses.redirect(res, s.authorizationUrl());
    }

    private void callback(ServerRequest req, ServerResponse res) {
        String pending = Responses.cookie(req, PENDING_COOKIE);
        res.headers().add(HeaderNames.SET_COOKIE, PENDING_COOKIE + "=; Path=/account/providers; HttpOnly; SameSite=Lax; Max-Age=0"
                + (visitors.secureCookies() ? "; Secure" : ""));
        String embed = providers.embedOrigin(pending);
        if (embed != null) {
            // The popup of an embed: the site is the one allowing the embedding page (still), not this Host's.
            Site site = embeds.siteFor(embed);
            SiteSignOn.Provider p = provider(req, site);
            refuseProviderError(req, p);
            Reader r = providers.finish(site.id(), p, popupRedirectUri(req, p), Responses.query(req, "code"), Responses.query(req, "state"), pending);
            embeds.handOff(res, site, r, embed);
            return;
        }
        Visitor v = visitors.of(req);
        SiteSignOn.Provider p = provider(req, v.site());
        refuseProviderError(req, p);
        Reader r = providers.finish(v.site().id(), p, redirectUri(req, v, p), Responses.query(req, "code"), Responses.query(req, "state"), pending);
        access.signIn(req, res, r, "oidc:" + p.name());
        Responses.redirect(res, providers.next(pending, "/account"));
    }

    private static void refuseProviderError(ServerRequest req, SiteSignOn.Provider p) {
        String error = Responses.query(req, "error");
        if (error != null) {
            throw new Refusal(400, "provider-refused", p.label() + " did not sign you in (" + error.replaceAll("[^a-z_]", "") + ").");
        }
    }

    private SiteSignOn.Provider provider(ServerRequest req, Site site) {
        String name = req.path().pathParameters().get("name");
        return signOn.provider(site.id(), name)
                .orElseThrow(() -> Refusal.notFound("There is no sign-in provider '" + name + "' on " + site.name() + "."));
    }

    /**
     * The callback address for an embed's popup: the comments host the popup runs on (where the
     * pending cookie lives), which need not be the site's own host. The provider only redirects to
     * addresses registered with it, so a forged Host header leads nowhere.
     */
    private String popupRedirectUri(ServerRequest req, SiteSignOn.Provider p) {
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        if (!host.matches("[A-Za-z0-9.-]+(:\\d+)?")) throw Refusal.invalid("host", "This request names no usable host.");
        return (visitors.secureCookies() ? "https://" : "http://") + host + "/account/providers/" + p.name() + "/callback";
    }

    /** The callback address registered with the provider: this site's address, never another host's. */
    private String redirectUri(ServerRequest req, Visitor v, SiteSignOn.Provider p) {
        return access.origin(req, v.site()) + "/account/providers/" + p.name() + "/callback";
    }
}

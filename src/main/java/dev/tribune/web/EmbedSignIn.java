package dev.tribune.web;

import dev.tribune.domain.Reader;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
import dev.tribune.identity.ReaderSessions;
import dev.tribune.identity.Readers;
import dev.tribune.identity.SignedLinks;
import dev.tribune.identity.SiteSignOn;
import dev.tribune.publishing.PageUrls;
import dev.tribune.publishing.Sites;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Sign-in for an embed whose cookies the browser blocks. The embed opens /embed/sign-in in a popup
 * on Tribune's own origin (first-party there, so the provider flow's cookie works); the flow ends on
 * a hand-off page that posts a one-time code to the opener, addressed to the embedding page's
 * origin only, and the embed trades the code at /api/v1/embed/session for its bearer session.
 */
public final class EmbedSignIn implements HttpService {
    /** The problem type of a hand-off code that is forged, used, late, or from another origin. */
    static final String INVALID_HANDOFF = "invalid-handoff";

    /** A provider button on the popup page. */
    public record Choice(String href, String label) {}

    private final Sites sites;
    private final SiteSignOn signOn;
    private final Readers readers;
    private final SignedLinks links;
    private final ReaderAccess access;
    private final Templates templates;

    public EmbedSignIn(Sites sites, SiteSignOn signOn, Readers readers, SignedLinks links, ReaderAccess access, Templates templates) {
        this.sites = sites;
        this.signOn = signOn;
        this.readers = readers;
        this.links = links;
        this.access = access;
        this.templates = templates;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/embed/sign-in", this::page)
                .post("/api/v1/embed/session", this::exchange);
    }

    /** The embedding page's origin, normalized, and the site that allows it; refused (403) for any other origin. */
    Site siteFor(String rawOrigin) {
        String origin = rawOrigin == null ? null : PageUrls.origin(rawOrigin).orElse(null);
        if (origin == null) throw Refusal.invalid("origin", "Say which page origin the sign-in is for (origin=https://…).");
        return sites.forOrigin(origin).orElseThrow(() -> new Refusal(403, EmbedApi.ORIGIN_REFUSED,
                "Pages on " + origin + " may not sign readers in to this Tribune: no site allows that origin."));
    }

    static String normalized(String rawOrigin) {
        return PageUrls.origin(rawOrigin).orElseThrow();
    }

    /** GET /embed/sign-in?origin=…: the popup's first page, one button per sign-in provider of the embedding page's site. */
    private void page(ServerRequest req, ServerResponse res) {
        String raw = Responses.query(req, "origin");
        Site site = siteFor(raw);
        String origin = normalized(raw);
        List<Choice> choices = signOn.providers(site.id()).stream()
                .map(p -> new Choice("/account/providers/" + p.name() + "/start?embed=" + URLEncoder.encode(origin, StandardCharsets.UTF_8),
                        "Sign in with " + p.label()))
                .toList();
        Responses.noStore(res);
        Responses.html(res, 200, templates.render("embed/signin.jte", Map.of("site", site, "origin", origin, "choices", choices, "code", "")));
    }

    /** The popup's last page: hands a one-time code for this reader to the window that opened it, on origin only. */
    void handOff(ServerResponse res, Site site, Reader reader, String origin) {
        String code = links.issue(SignedLinks.Purpose.HANDOFF, reader.id(), origin);
        Responses.noStore(res);
        Responses.html(res, 200, templates.render("embed/signin.jte", Map.of("site", site, "origin", origin, "choices", List.of(), "code", code)));
    }

    /** POST /api/v1/embed/session {"code"}: from the embedding page only; answers like every sign-in endpoint. */
    private void exchange(ServerRequest req, ServerResponse res) {
        String origin = Visitors.embedOrigin(req);
        if (origin == null) {
            throw new Refusal(403, INVALID_HANDOFF, "A hand-off code is exchanged by the page that opened the sign-in window, from its own origin.");
        }
        Site site = siteFor(origin);
        JsonBody in = JsonBody.read(req);
        String code = in.text("code");
        in.check();
        Refusal bad = new Refusal(401, INVALID_HANDOFF, "This sign-in hand-off is not valid here, was used already or came too late. Please sign in again.");
        long accountId;
        try {
            accountId = links.redeem(SignedLinks.Purpose.HANDOFF, code, origin);
        } catch (Refusal | NumberFormatException e) {
            throw bad;
        }
        Reader r = readers.byId(accountId).filter(x -> x.siteId() == site.id()).orElseThrow(() -> bad);
        ReaderSessions.Started s = access.sessions.start(r, "handoff");
        Responses.noStore(res);
        Responses.json(res, 200, ReaderAccess.sessionJson(s));
    }
}

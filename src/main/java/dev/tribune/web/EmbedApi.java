package dev.tribune.web;

import dev.tribune.discussion.Discussions;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
import dev.tribune.domain.Commenters;
import dev.tribune.identity.SiteSignOn;
import dev.tribune.publishing.PageUrls;
import dev.tribune.publishing.Sites;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the embed and the count script ask before anything else: the discussion under a host
 * page (created on its first visit) and the comment counts of a listing page in one request.
 * Both check the asking page's origin, and the page's own URL, against the site's allowed origins.
 */
public final class EmbedApi implements HttpService {
    /** The problem type of a page whose origin its site does not allow. */
    public static final String ORIGIN_REFUSED = "origin-not-allowed";
    /** The most pages one count request may ask about. */
    public static final int MAX_COUNTS = 200;
    static final int MAX_TITLE = 300;

    private final Sites sites;
    private final Discussions discussions;
    private final SiteSignOn signOn;
    private final Visitors visitors;

    public EmbedApi(Sites sites, Discussions discussions, SiteSignOn signOn, Visitors visitors) {
        this.sites = sites;
        this.discussions = discussions;
        this.signOn = signOn;
        this.visitors = visitors;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/pages", this::page)
                .get("/api/v1/counts", this::counts);
    }

    /**
     * What the embed needs to know of the site: who may comment (commenters: anyone, accounts or
     * subscribers, the one site setting), guestCommenting (true exactly when that is anyone), and
     * the providers its sign-in popup offers.
     */
    record SiteJson(String name, boolean guestCommenting, String commenters, List<ProviderJson> signIn) {}

    record ProviderJson(String name, String label) {}

    record PageJson(String key, String url, String title) {}

    record EmbedJson(ApiJson.DiscussionJson discussion, PageJson page, SiteJson site) {}

    /**
     * GET /api/v1/pages?url=…[&id=…][&title=…]: finds or creates the discussion under a page. It is
     * a GET so that an embed's first call needs no preflight; it creates at most one row per page.
     */
    private void page(ServerRequest req, ServerResponse res) {
        Site site = site(req);
        String url = Responses.query(req, "url");
        String id = Responses.query(req, "id");
        String key = id != null && !id.isBlank() ? PageUrls.keyForId(id) : PageUrls.keyForUrl(url);
        if (url == null || url.isBlank()) throw Refusal.invalid("url", "Say which page the discussion is under (its URL).");
        String pageOrigin = PageUrls.origin(url).orElseThrow(() ->
                Refusal.invalid("url", "The page URL must be an absolute http(s) URL; got '" + url + "'."));
        if (!site.allowsOrigin(pageOrigin)) throw refused(pageOrigin, site);
        Discussion d = discussions.ensurePage(site.id(), key, title(Responses.query(req, "title")), url.strip().replaceFirst("#.*$", ""));
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=10");
        Responses.json(res, 200, new EmbedJson(ApiJson.DiscussionJson.of(d), new PageJson(d.pageKey(), d.url(), d.title()),
                siteJson(site)));
    }

    private SiteJson siteJson(Site site) {
        Commenters who = signOn.commenters(site.id());
        List<ProviderJson> providers = signOn.providers(site.id()).stream().map(p -> new ProviderJson(p.name(), p.label())).toList();
        return new SiteJson(site.name(), who.guestsMayComment(), who.db(), providers);
    }

    /** GET /api/v1/counts?url=…&url=…[&id=…]: {"the url or id as sent": count}, 0 for pages nobody has opened yet. */
    private void counts(ServerRequest req, ServerResponse res) {
        Site site = site(req);
        List<String> urls = req.query().contains("url") ? req.query().all("url") : List.of();
        List<String> ids = req.query().contains("id") ? req.query().all("id") : List.of();
        if (urls.size() + ids.size() > MAX_COUNTS) {
            throw Refusal.invalid("url", "Ask for at most " + MAX_COUNTS + " pages at once.");
        }
        Map<String, String> keyOf = new LinkedHashMap<>();
        for (String u : urls) keyOf.put(u, safeKey(() -> PageUrls.keyForUrl(u)));
        for (String i : ids) keyOf.put(i, safeKey(() -> PageUrls.keyForId(i)));
        List<String> keys = new ArrayList<>();
        keyOf.values().stream().filter(k -> k != null).forEach(keys::add);
        Map<String, Integer> byKey = discussions.countsByPage(site.id(), keys);
        Map<String, Integer> out = new LinkedHashMap<>();
        keyOf.forEach((asked, k) -> out.put(asked, k == null ? 0 : byKey.getOrDefault(k, 0)));
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=30");
        Responses.json(res, 200, out);
    }

    /** The embed's site: the one allowing its Origin; without an Origin (a server, curl), the Host's. */
    private Site site(ServerRequest req) {
        String origin = Visitors.embedOrigin(req);
        if (origin == null) return visitors.site(req);
        return sites.forOrigin(origin).orElseThrow(() -> refused(origin, null));
    }

    private static Refusal refused(String origin, Site site) {
        String whose = site == null ? "any site of this Tribune" : site.name();
        return new Refusal(403, ORIGIN_REFUSED, "Pages on " + origin + " may not show discussions from " + whose
                + ". The site's staff can allow that origin (./tribune site origins --site HOST --add " + origin + ").");
    }

    private static String safeKey(java.util.function.Supplier<String> key) {
        try {
            return key.get();
        } catch (Refusal unusable) {
            return null;
        }
    }

    private static String title(String raw) {
        if (raw == null) return "";
        String t = raw.replaceAll("\\p{Cntrl}", " ").strip();
        if (t.length() <= MAX_TITLE) return t;
        // Never cut between the two halves of a surrogate pair.
        int end = Character.isHighSurrogate(t.charAt(MAX_TITLE - 1)) ? MAX_TITLE - 1 : MAX_TITLE;
        return t.substring(0, end);
    }
}

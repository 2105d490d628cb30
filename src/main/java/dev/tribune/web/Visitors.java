package dev.tribune.web;

import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
import dev.tribune.identity.ReaderSessions;
import dev.tribune.identity.Signer;
import dev.tribune.identity.StaffSessions;
import dev.tribune.publishing.PageUrls;
import dev.tribune.publishing.Sites;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Works out the {@link Visitor} of a request, and guards state-changing requests against CSRF.
 * Calls from an embed on another origin reach the API (and live streams) without cookies: their
 * site is the one that allows their Origin, and the browser token travels in a header.
 */
public final class Visitors {
    public static final String BROWSER_COOKIE = "tribune_browser";
    /** The header an embed sends its browser token in, and in which a newly issued token comes back. */
    public static final HeaderName BROWSER_HEADER = HeaderNames.create("Tribune-Browser");
    public static final String STAFF_COOKIE = "tribune_staff";
    public static final String READER_COOKIE = "tribune_reader";
    public static final Duration BROWSER_COOKIE_AGE = Duration.ofDays(365);

    private final Sites sites;
    private final StaffSessions sessions;
    private final ReaderSessions readers;
    private final Signer signer;
    private final ClientAddress addresses;
    private final boolean secureCookies;

    public Visitors(Sites sites, StaffSessions sessions, Signer signer, ClientAddress addresses, boolean secureCookies) {
        this(sites, sessions, null, signer, addresses, secureCookies);
    }

    /** readers may be null (no reader sign-in). */
    public Visitors(Sites sites, StaffSessions sessions, ReaderSessions readers, Signer signer, ClientAddress addresses, boolean secureCookies) {
        this.sites = sites;
        this.sessions = sessions;
        this.readers = readers;
        this.signer = signer;
        this.addresses = addresses;
        this.secureCookies = secureCookies;
    }

    public Visitor of(ServerRequest req) {
        Site site = site(req);
        String peer = req.remotePeer().address() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : String.valueOf(req.remotePeer().address());
        String ip = addresses.resolve(peer, req.headers().first(HeaderNames.X_FORWARDED_FOR).orElse(null));
        String token = Responses.cookie(req, BROWSER_COOKIE);
        if (token == null) token = req.headers().first(BROWSER_HEADER).orElse(null);
        Optional<String> id = signer.verifyBrowserToken(token);
        String guestKey = id.map(i -> signer.hash("guest", i)).orElse(null);
        String bearer = bearerToken(req);
        if (bearer != null) {
            // A bearer request speaks for one reader only: ambient cookie sessions are not mixed in.
            ReaderSessions.Session r = readerSession(bearer, site);
            if (r == null) throw new Refusal(401, "invalid-token", "The sign-in token is unknown or has expired; please sign in again.");
            return new Visitor(site, ip, () -> signer.hash("ip", ip), id.isPresent() ? token : null, guestKey, null, r, true);
        }
        StaffSessions.Session staff = null;
        String staffToken = Responses.cookie(req, STAFF_COOKIE);
        if (staffToken != null) {
            staff = sessions.find(staffToken, site.id()).orElse(null);
        }
        ReaderSessions.Session reader = readerSession(Responses.cookie(req, READER_COOKIE), site);
        return new Visitor(site, ip, () -> signer.hash("ip", ip), id.isPresent() ? token : null, guestKey, staff, reader, false);
    }

    /** A reader session of this site; a session opened on another site is no session here. */
    private ReaderSessions.Session readerSession(String token, Site site) {
        if (readers == null || token == null) return null;
        return readers.find(token).filter(s -> s.reader().siteId() == site.id()).orElse(null);
    }

    /** The token of an "Authorization: Bearer …" header, if the request has one. */
    public static String bearerToken(ServerRequest req) {
        String auth = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String t = auth.substring(7).strip();
        return t.isEmpty() ? null : t;
    }

    /** The visitor with a browser token, setting the cookie when they had none (first post or vote). */
    public Visitor withBrowserToken(Visitor v, ServerResponse res) {
        if (v.guestKey() != null) return v;
        String token = signer.newBrowserToken();
        Responses.setCookie(res, BROWSER_COOKIE, token, BROWSER_COOKIE_AGE, secureCookies);
        // An embed on another origin gets no cookie (credentials are off); it keeps the token itself.
        res.header(BROWSER_HEADER, token);
        String id = signer.verifyBrowserToken(token).orElseThrow();
        return new Visitor(v.site(), v.clientIp(), v::ipHash, token, signer.hash("guest", id), v.staff(), v.reader(), v.bearer());
    }

    public Site site(ServerRequest req) {
        String embedder = embedOrigin(req);
        if (embedder != null) {
            Optional<Site> s = sites.forOrigin(embedder);
            if (s.isPresent()) return s.get();
        }
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        return sites.forHost(host).orElseThrow(() -> new Refusal(404, "unknown-site",
                "This Tribune serves no site at " + host + "."));
    }

    /**
     * Refuses cross-site state changes. Browsers say where a request comes from (Sec-Fetch-Site,
     * Origin); a request from another site is refused, unless it is an embed's call to the API from
     * an origin the site allows that carries none of Tribune's cookies: such a call can only act as
     * whoever holds its header token, so no ambient credential is borrowed. Staff, who act with a
     * session cookie, must also echo their session's CSRF token (form field or X-CSRF-Token header),
     * and so must readers signed in by cookie. A request carrying a bearer token is not ambient
     * (another site cannot make a browser send it), so it needs neither.
     */
    public void checkCsrf(ServerRequest req, Visitor v, String formToken) {
        if (v.bearer()) return;
        String fetchSite = req.headers().first(HeaderNames.create("Sec-Fetch-Site")).orElse(null);
        boolean crossSite = fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin != null && !origin.equals("null")) {
            String host = req.headers().first(HeaderNames.HOST).orElse("");
            String originHost = origin.replaceFirst("^https?://", "");
            if (!originHost.equalsIgnoreCase(host)) crossSite = true;
        }
        if (crossSite && !(v.site().allowsOrigin(embedOrigin(req)) && !carriesCookies(req))) throw forged();
        String expected = v.csrfToken();
        if (!expected.isEmpty()) {
            String sent = formToken != null ? formToken : req.headers().first(HeaderNames.create("X-CSRF-Token")).orElse(null);
            if (sent == null || !java.security.MessageDigest.isEqual(sent.getBytes(), expected.getBytes())) {
                throw forged();
            }
        }
    }

    /**
     * The Origin of a call from another origin to the API or the live streams, normalized; null for
     * a same-origin call, a call without Origin, or any other path (pages keep their Host's site).
     */
    public static String embedOrigin(ServerRequest req) {
        String path = req.path().path();
        if (!path.startsWith("/api/") && !path.startsWith("/live/")) return null;
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin == null || origin.equals("null")) return null;
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        if (origin.replaceFirst("^https?://", "").equalsIgnoreCase(host)) return null;
        return PageUrls.origin(origin).orElse(null);
    }

    /**
     * Lets an embed read the answer: echoes an allowed Origin (never with credentials: embeds send
     * tokens in headers, not cookies) and exposes the headers the embed needs.
     */
    public boolean allowCrossOrigin(ServerRequest req, ServerResponse res) {
        String origin = embedOrigin(req);
        if (origin == null || sites.forOrigin(origin).isEmpty()) return false;
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        res.header(HeaderNames.VARY, "Origin");
        res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "Location, ETag, Tribune-Browser");
        return true;
    }

    /** Whether the request carries any of Tribune's cookies (an ambient credential). */
    private static boolean carriesCookies(ServerRequest req) {
        return req.headers().cookies().names().stream().anyMatch(n -> n.startsWith("tribune_"));
    }

    private static Refusal forged() {
        return new Refusal(403, "csrf", "This request did not come from this site's own pages (cross-site request refused). "
                + "Reload the page and try again.");
    }

    public boolean secureCookies() { return secureCookies; }
}

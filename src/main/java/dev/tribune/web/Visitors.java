package dev.tribune.web;

import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
import dev.tribune.identity.Signer;
import dev.tribune.identity.StaffSessions;
import dev.tribune.publishing.Sites;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** Works out the {@link Visitor} of a request, and guards state-changing requests against CSRF. */
public final class Visitors {
    public static final String BROWSER_COOKIE = "tribune_browser";
    public static final String STAFF_COOKIE = "tribune_staff";
    public static final Duration BROWSER_COOKIE_AGE = Duration.ofDays(365);

    private final Sites sites;
    private final StaffSessions sessions;
    private final Signer signer;
    private final ClientAddress addresses;
    private final boolean secureCookies;

    public Visitors(Sites sites, StaffSessions sessions, Signer signer, ClientAddress addresses, boolean secureCookies) {
        this.sites = sites;
        this.sessions = sessions;
        this.signer = signer;
        this.addresses = addresses;
        this.secureCookies = secureCookies;
    }

    public Visitor of(ServerRequest req) {
        Site site = site(req);
        String peer = req.remotePeer().address() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : String.valueOf(req.remotePeer().address());
        String ip = addresses.resolve(peer, req.headers().first(HeaderNames.X_FORWARDED_FOR).orElse(null));
        String token = Responses.cookie(req, BROWSER_COOKIE);
        Optional<String> id = signer.verifyBrowserToken(token);
        String guestKey = id.map(i -> signer.hash("guest", i)).orElse(null);
        StaffSessions.Session staff = null;
        String staffToken = Responses.cookie(req, STAFF_COOKIE);
        if (staffToken != null) {
            staff = sessions.find(staffToken).filter(s -> s.account().siteId() == site.id()).orElse(null);
        }
        return new Visitor(site, ip, () -> signer.hash("ip", ip), id.isPresent() ? token : null, guestKey, staff);
    }

    /** The visitor with a browser token, setting the cookie when they had none (first post or vote). */
    public Visitor withBrowserToken(Visitor v, ServerResponse res) {
        if (v.guestKey() != null) return v;
        String token = signer.newBrowserToken();
        Responses.setCookie(res, BROWSER_COOKIE, token, BROWSER_COOKIE_AGE, secureCookies);
        String id = signer.verifyBrowserToken(token).orElseThrow();
        return new Visitor(v.site(), v.clientIp(), v::ipHash, token, signer.hash("guest", id), v.staff());
    }

    public Site site(ServerRequest req) {
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        return sites.forHost(host).orElseThrow(() -> new Refusal(404, "unknown-site",
                "This Tribune serves no site at " + host + "."));
    }

    /**
     * Refuses cross-site state changes. Browsers say where a request comes from (Sec-Fetch-Site,
     * Origin); a request from another site is refused. Staff, who act with a session cookie, must
     * also echo their session's CSRF token (form field or X-CSRF-Token header).
     */
    public void checkCsrf(ServerRequest req, Visitor v, String formToken) {
        String fetchSite = req.headers().first(HeaderNames.create("Sec-Fetch-Site")).orElse(null);
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            throw forged();
        }
        String origin = req.headers().first(HeaderNames.ORIGIN).orElse(null);
        if (origin != null && !origin.equals("null")) {
            String host = req.headers().first(HeaderNames.HOST).orElse("");
            String originHost = origin.replaceFirst("^https?://", "");
            if (!originHost.equalsIgnoreCase(host)) throw forged();
        }
        if (v.staff() != null) {
            String sent = formToken != null ? formToken : req.headers().first(HeaderNames.create("X-CSRF-Token")).orElse(null);
            if (sent == null || !java.security.MessageDigest.isEqual(sent.getBytes(), v.staff().csrfToken().getBytes())) {
                throw forged();
            }
        }
    }

    private static Refusal forged() {
        return new Refusal(403, "csrf", "This request did not come from this site's own pages (cross-site request refused). "
                + "Reload the page and try again.");
    }

    public boolean secureCookies() { return secureCookies; }
}

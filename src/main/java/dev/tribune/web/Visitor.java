package dev.tribune.web;

import dev.tribune.domain.Commenter;
import dev.tribune.domain.Site;
import dev.tribune.identity.StaffSessions;

import java.util.function.Supplier;

/**
 * Who is asking, worked out once per request: the site (from Host), the client address
 * (X-Forwarded-For only from trusted proxies), the browser token and any staff session. The
 * hashed address is worked out only when something asks for it (a write, a report), so an
 * anonymous read costs no HMAC.
 */
public final class Visitor {
    private final Site site;
    private final String clientIp;
    private final String browserToken;
    private final String guestKey;
    private final StaffSessions.Session staff;
    private Supplier<String> hashing;
    private String ipHash;

    public Visitor(Site site, String clientIp, String ipHash, String browserToken, String guestKey, StaffSessions.Session staff) {
        this(site, clientIp, () -> ipHash, browserToken, guestKey, staff);
    }

    Visitor(Site site, String clientIp, Supplier<String> ipHash, String browserToken, String guestKey, StaffSessions.Session staff) {
        this.site = site;
        this.clientIp = clientIp;
        this.hashing = ipHash;
        this.browserToken = browserToken;
        this.guestKey = guestKey;
        this.staff = staff;
    }

    public Site site() { return site; }

    public String clientIp() { return clientIp; }

    /** The keyed hash of the client address (what moderation and votes store, never the address). */
    public synchronized String ipHash() {
        if (hashing != null) {
            ipHash = hashing.get();
            hashing = null;
        }
        return ipHash;
    }

    public String browserToken() { return browserToken; }

    public String guestKey() { return guestKey; }

    public StaffSessions.Session staff() { return staff; }

    public Commenter commenter() {
        return new Commenter(staff == null ? null : staff.account(), guestKey, ipHash());
    }

    public boolean isStaff() { return staff != null; }

    /** Whether anything about this visitor makes a page personal (never shared in caches). */
    public boolean hasPersonalState() { return staff != null || guestKey != null; }
}

package dev.tribune.web;

import dev.tribune.domain.Commenter;
import dev.tribune.domain.Site;
import dev.tribune.identity.ReaderSessions;
import dev.tribune.identity.StaffSessions;

import java.util.function.Supplier;

/**
 * Who is asking, worked out once per request: the site (from Host), the client address
 * (X-Forwarded-For only from trusted proxies), the browser token, any staff session and any
 * reader session. bearer is set when the reader session came in an Authorization header rather
 * than a cookie: such a request is not ambient, so it needs no CSRF token. The hashed address is
 * worked out only when something asks for it (a write, a report), so an anonymous read costs no HMAC.
 */
public final class Visitor {
    private final Site site;
    private final String clientIp;
    private final String browserToken;
    private final String guestKey;
    private final StaffSessions.Session staff;
    private final ReaderSessions.Session reader;
    private final boolean bearer;
    private Supplier<String> hashing;
    private String ipHash;

    public Visitor(Site site, String clientIp, String ipHash, String browserToken, String guestKey, StaffSessions.Session staff) {
        this(site, clientIp, () -> ipHash, browserToken, guestKey, staff, null, false);
    }

    public Visitor(Site site, String clientIp, String ipHash, String browserToken, String guestKey,
                   StaffSessions.Session staff, ReaderSessions.Session reader, boolean bearer) {
        this(site, clientIp, () -> ipHash, browserToken, guestKey, staff, reader, bearer);
    }

    Visitor(Site site, String clientIp, Supplier<String> ipHash, String browserToken, String guestKey,
            StaffSessions.Session staff, ReaderSessions.Session reader, boolean bearer) {
        this.site = site;
        this.clientIp = clientIp;
        this.hashing = ipHash;
        this.browserToken = browserToken;
        this.guestKey = guestKey;
        this.staff = staff;
        this.reader = reader;
        this.bearer = bearer;
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

    public ReaderSessions.Session reader() { return reader; }

    public boolean bearer() { return bearer; }

    /** Staff act as their staff account; otherwise a signed-in reader as theirs; else a guest. */
    public Commenter commenter() {
        if (staff != null) return new Commenter(staff.account(), guestKey, ipHash());
        if (reader != null) return new Commenter(reader.reader().account(), guestKey, ipHash());
        return new Commenter(null, guestKey, ipHash());
    }

    public boolean isStaff() { return staff != null; }

    public boolean isReader() { return reader != null; }

    /** The same visitor with no session at all (for sign-in forms, which must not need one). */
    public Visitor signedOut() {
        return new Visitor(site, clientIp, this::ipHash, browserToken, guestKey, null, null, false);
    }

    /** The CSRF token this visitor's forms must echo: the staff or reader session's; empty for guests. */
    public String csrfToken() {
        if (staff != null) return staff.csrfToken();
        if (reader != null && !bearer) return reader.csrfToken();
        return "";
    }

    /** Whether anything about this visitor makes a page personal (never shared in caches). */
    public boolean hasPersonalState() { return staff != null || reader != null || guestKey != null; }
}

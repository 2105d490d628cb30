package dev.tribune.web;

import dev.tribune.domain.Commenter;
import dev.tribune.domain.Site;
import dev.tribune.identity.ReaderSessions;
import dev.tribune.identity.StaffSessions;

/**
 * Who is asking, worked out once per request: the site (from Host), the client address
 * (X-Forwarded-For only from trusted proxies), the browser token, any staff session and any
 * reader session. bearer is set when the reader session came in an Authorization header
 * rather than a cookie: such a request is not ambient, so it needs no CSRF token.
 */
public record Visitor(Site site, String clientIp, String ipHash, String browserToken, String guestKey,
                      StaffSessions.Session staff, ReaderSessions.Session reader, boolean bearer) {

    public Visitor(Site site, String clientIp, String ipHash, String browserToken, String guestKey, StaffSessions.Session staff) {
        this(site, clientIp, ipHash, browserToken, guestKey, staff, null, false);
    }

    /** Staff act as their staff account; otherwise a signed-in reader as theirs; else a guest. */
    public Commenter commenter() {
        if (staff != null) return new Commenter(staff.account(), guestKey, ipHash);
        if (reader != null) return new Commenter(reader.reader().account(), guestKey, ipHash);
        return new Commenter(null, guestKey, ipHash);
    }

    public boolean isStaff() { return staff != null; }

    public boolean isReader() { return reader != null; }

    /** The same visitor with no session at all (for sign-in forms, which must not need one). */
    public Visitor signedOut() {
        return new Visitor(site, clientIp, ipHash, browserToken, guestKey, null, null, false);
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

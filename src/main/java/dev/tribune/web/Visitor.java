package dev.tribune.web;

import dev.tribune.domain.Commenter;
import dev.tribune.domain.Site;
import dev.tribune.identity.StaffSessions;

/**
 * Who is asking, worked out once per request: the site (from Host), the client address
 * (X-Forwarded-For only from trusted proxies), the browser token and any staff session.
 */
public record Visitor(Site site, String clientIp, String ipHash, String browserToken, String guestKey,
                      StaffSessions.Session staff) {

    public Commenter commenter() {
        return new Commenter(staff == null ? null : staff.account(), guestKey, ipHash);
    }

    public boolean isStaff() { return staff != null; }

    /** Whether anything about this visitor makes a page personal (never shared in caches). */
    public boolean hasPersonalState() { return staff != null || guestKey != null; }
}

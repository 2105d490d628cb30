package dev.tribune.domain;

import java.util.List;

/**
 * One newsroom, or one embedding domain, served by this Tribune. allowedOrigins are the
 * origins (scheme://host[:port]) whose pages may embed its discussions; guestCommenting says
 * whether readers without an account may post.
 */
public record Site(long id, String host, String name, String tagline, List<String> allowedOrigins, boolean guestCommenting) {
    /** The key in site.settings (JSON) that switches guest commenting; absent means allowed. */
    public static final String GUEST_COMMENTING = "guestCommenting";

    public Site {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public Site(long id, String host, String name, String tagline) {
        this(id, host, name, tagline, List.of(), true);
    }

    /** Whether pages on this origin (already normalized) may embed the site's discussions. */
    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}

package dev.tribune.domain;

import java.util.List;

/**
 * One newsroom, or one embedding domain, served by this Tribune. allowedOrigins are the
 * origins (scheme://host[:port]) whose pages may embed its discussions; commenting says who may
 * post (guests too, signed-in readers only, or subscribers only).
 */
public record Site(long id, String host, String name, String tagline, List<String> allowedOrigins, Commenters commenting) {
    public Site {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public Site(long id, String host, String name, String tagline) {
        this(id, host, name, tagline, List.of(), Commenters.ANYONE);
    }

    /** Whether pages on this origin (already normalized) may embed the site's discussions. */
    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}

package dev.tribune.domain;

/** A staff member's role on one site. */
public enum Role {
    ADMIN, MODERATOR, JOURNALIST;

    public String db() { return name().toLowerCase(); }

    public static Role parse(String s) {
        for (Role r : values()) if (r.name().equalsIgnoreCase(s.strip())) return r;
        throw new IllegalArgumentException("role must be admin, moderator or journalist, got " + s);
    }

    public boolean canModerate() { return this == ADMIN || this == MODERATOR; }
}

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

    /** Admins and journalists write, edit and publish articles. */
    public boolean canEditArticles() { return this == ADMIN || this == JOURNALIST; }

    /** How the role reads on a page: "Admin", "Moderator", "Journalist". */
    public String label() { return name().charAt(0) + name().substring(1).toLowerCase(); }
}

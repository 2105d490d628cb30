package dev.tribune.domain;

/** What an account is on one site: staff (admin, moderator, journalist) or a reader (reader, subscriber). */
public enum Role {
    ADMIN, MODERATOR, JOURNALIST, READER, SUBSCRIBER;

    public String db() { return name().toLowerCase(); }

    public static Role parse(String s) {
        for (Role r : values()) if (r.name().equalsIgnoreCase(s.strip())) return r;
        throw new IllegalArgumentException("role must be admin, moderator, journalist, reader or subscriber, got " + s);
    }

    /** Staff may open the console; readers and subscribers never do, however they signed in. */
    public boolean isStaff() { return this == ADMIN || this == MODERATOR || this == JOURNALIST; }

    public boolean canModerate() { return this == ADMIN || this == MODERATOR; }

    /** Admins and journalists write, edit and publish articles. */
    public boolean canEditArticles() { return this == ADMIN || this == JOURNALIST; }

    /** How the role reads on a page: "Admin", "Moderator", "Journalist", "Reader", "Subscriber". */
    public String label() { return name().charAt(0) + name().substring(1).toLowerCase(); }
}

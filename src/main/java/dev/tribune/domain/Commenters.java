package dev.tribune.domain;

/**
 * Who may comment on a site, the one setting every way of posting reads (pages, API, embed):
 * anyone (guests and signed-in readers), accounts (signed-in readers only), or subscribers only.
 */
public enum Commenters {
    ANYONE("Guests and signed-in readers"), ACCOUNTS("Signed-in readers only"), SUBSCRIBERS("Subscribers only");

    private final String label;

    Commenters(String label) {
        this.label = label;
    }

    public String db() { return name().toLowerCase(); }

    /** How the choice reads in the console. */
    public String label() { return label; }

    public boolean guestsMayComment() { return this == ANYONE; }

    public static Commenters parse(String s) {
        for (Commenters c : values()) if (s != null && c.name().equalsIgnoreCase(s.strip())) return c;
        throw Refusal.invalid("commenting", "Who may comment is one of anyone, accounts or subscribers, got '" + s + "'.");
    }
}

package dev.tribune.identity;

import dev.tribune.domain.Refusal;

/** Who may comment on a site: anyone (guests too), only signed-in accounts, or only subscribers. */
public enum Commenters {
    ANYONE, ACCOUNTS, SUBSCRIBERS;

    public String db() { return name().toLowerCase(); }

    public static Commenters parse(String s) {
        for (Commenters c : values()) if (s != null && c.name().equalsIgnoreCase(s.strip())) return c;
        throw Refusal.invalid("commenters", "Who may comment is one of anyone, accounts or subscribers, got '" + s + "'.");
    }
}

package dev.tribune.moderation;

import java.time.Instant;

/**
 * A measure against one identity on one site: a ban, a suspension until a time, or holding
 * everything they write for review. until is null for a ban or a hold that lasts until lifted.
 */
public record Sanction(long id, long siteId, Kind kind, Identity identity, String reason, Instant since, Instant until,
                       Long byAccount) {

    /** Ban and suspend refuse new comments; premoderate holds them. */
    public enum Kind { BAN, SUSPEND, PREMODERATE;
        public String db() { return name().toLowerCase(); }
        public static Kind fromDb(String s) { return valueOf(s.toUpperCase()); }
    }

    public boolean refusesComments() { return kind != Kind.PREMODERATE; }

    /** The message the sanctioned writer sees. */
    public String message() {
        String why = reason == null || reason.isBlank() ? "" : " Reason: " + reason.strip();
        return switch (kind) {
            case BAN -> "You are banned from commenting on this site." + why;
            case SUSPEND -> "You are suspended from commenting on this site until "
                    + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH)
                    .withZone(java.time.ZoneOffset.UTC).format(until) + "." + why;
            case PREMODERATE -> "Your comments are reviewed by a moderator before they appear.";
        };
    }
}

package dev.tribune.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the moderation settings page names and explains each setting of a site's Policy, in the order shown. */
public final class PolicyFields {
    /** One setting as a form field: choices is empty for free input. */
    public record Field(String key, String label, String help, List<String> choices) {}

    static final List<Field> SETTINGS = List.of(
            f("minLength", "Shortest comment", "characters"),
            f("maxLength", "Longest comment", "characters"),
            f("maxPerMinute", "Comments per minute", "from one writer"),
            f("maxPerHour", "Comments per hour", "from one writer"),
            f("floodSeconds", "Wait between comments", "seconds"),
            f("maxPerHourPerIp", "Comments per hour from one address", "all writers together"),
            f("duplicateHours", "Refuse the same text again for", "hours"),
            f("siteDuplicateLimit", "Same text from other writers", "per hour before it is held as spam"),
            f("maxLinks", "Links before a comment is held", "number of links"),
            c("profanity", "Profanity", "slurs are always refused", "pass", "hold"),
            f("toxicityNudge", "Nudge from toxicity", "score 0–1, or off"),
            f("toxicityReject", "Refuse from toxicity", "score 0–1, or off"),
            f("spamHold", "Hold from spam score", "score 0–1, or off"),
            f("spamReject", "Refuse from spam score", "score 0–1, or off"),
            c("premoderateAll", "Premoderate every comment", "whole site", "false", "true"),
            f("premoderateNewCommenters", "Premoderate newcomers", "first N comments; 0 is off"),
            c("premoderateLinks", "Premoderate comments with links", "", "false", "true"),
            f("reportThreshold", "Reports that reach the queue", "reports"),
            c("reportAction", "At the threshold", "flag keeps it visible; hold hides it", "flag", "hold"),
            f("reportsPerHour", "Reports per reader per hour", "reports"));

    /** The site's own word lists, edited one entry per line. */
    static final Map<String, String> WORD_LISTS = new LinkedHashMap<>();
    static {
        WORD_LISTS.put("bannedWords", "Banned words (refused)");
        WORD_LISTS.put("suspectWords", "Suspect words (held for review)");
        WORD_LISTS.put("allowedWords", "Allowed words (never a hit, e.g. place names)");
    }

    private static Field f(String key, String label, String help) {
        return new Field(key, label, help, List.of());
    }

    private static Field c(String key, String label, String help, String... choices) {
        return new Field(key, label, help, List.of(choices));
    }

    private PolicyFields() {}
}

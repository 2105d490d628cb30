package dev.tribune.moderation;

import dev.tribune.domain.Refusal;

import java.util.Arrays;

/** Why a reader reports a comment; the same codes a moderator gives when rejecting. */
public enum ReportReason {
    OFFENSIVE, ABUSIVE, SPAM, HATE_SPEECH, HARASSMENT, OFF_TOPIC, MISINFORMATION, ILLEGAL, OTHER;

    /** The code in forms, the API and the database: "hate-speech". */
    public String code() { return name().toLowerCase().replace('_', '-'); }

    public String label() {
        String s = code().replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static ReportReason parse(String code) {
        String c = code == null ? "" : code.strip().toLowerCase().replace('_', '-');
        return Arrays.stream(values()).filter(r -> r.code().equals(c)).findFirst().orElseThrow(() -> Refusal.invalid("reason",
                "Choose why you report this comment: " + String.join(", ", Arrays.stream(values()).map(ReportReason::code).toList()) + "."));
    }
}

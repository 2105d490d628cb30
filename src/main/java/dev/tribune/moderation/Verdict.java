package dev.tribune.moderation;

import dev.tribune.domain.Refusal;

/** What one phase of the pipeline (or the whole pipeline) decided about a comment, and why. */
public record Verdict(Outcome outcome, String phase, String reason) {

    /**
     * Pass lets the comment publish; hold keeps it for review; nudge asks the writer to think
     * again before anything is saved (confirming turns it into a hold); reject refuses it.
     * Declared in rising precedence: the pipeline keeps the strongest.
     */
    public enum Outcome { PASS, HOLD, NUDGE, REJECT;
        public String db() { return name().toLowerCase(); }
    }

    public static final Verdict PASS = new Verdict(Outcome.PASS, "", "");

    /** The words a writer sees when the toxicity phase nudges them. */
    public static final String NUDGE_MESSAGE = "This may break our community guidelines — edit it, or post it for review.";

    public static Verdict hold(String phase, String reason) { return new Verdict(Outcome.HOLD, phase, reason); }

    public static Verdict reject(String phase, String reason) { return new Verdict(Outcome.REJECT, phase, reason); }

    public static Verdict nudge(String phase, String reason) { return new Verdict(Outcome.NUDGE, phase, reason); }

    public boolean passes() { return outcome == Outcome.PASS; }

    /** The refusal a writer gets for a reject or a nudge; its type tells API clients which one. */
    public Refusal refusal() {
        if (outcome == Outcome.NUDGE) return new Refusal(409, "nudge", reason);
        return switch (phase) {
            case Standing.NAME -> new Refusal(403, "banned", reason);
            case RateLimit.NAME -> new Refusal(429, "rate-limited", reason);
            case RepeatedPost.NAME -> new Refusal(409, "duplicate", reason);
            case ClosedDiscussion.NAME -> new Refusal(403, "comments-closed", reason);
            default -> new Refusal(422, "rejected", reason);
        };
    }
}

package dev.tribune.moderation;

/** What one phase of the pipeline (or the whole pipeline) decided about a comment, and why. */
public record Verdict(Outcome outcome, String phase, String reason) {

    /** Pass lets the comment publish; hold keeps it for review; reject refuses it. */
    public enum Outcome { PASS, HOLD, REJECT }

    public static final Verdict PASS = new Verdict(Outcome.PASS, "", "");

    public static Verdict hold(String phase, String reason) { return new Verdict(Outcome.HOLD, phase, reason); }

    public static Verdict reject(String phase, String reason) { return new Verdict(Outcome.REJECT, phase, reason); }

    public boolean passes() { return outcome == Outcome.PASS; }
}

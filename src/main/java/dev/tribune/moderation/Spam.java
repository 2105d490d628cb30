package dev.tribune.moderation;

/** Acts on the spam score: holds above one threshold, refuses above another. */
final class Spam implements Phase {
    static final String NAME = "spam";

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        Policy p = s.policy();
        double score = s.scores().spam();
        if (p.spamReject() != null && score >= p.spamReject()) {
            return Verdict.reject(NAME, "Your comment looks like advertising or spam and was not posted.");
        }
        if (p.spamHold() != null && score >= p.spamHold()) {
            return Verdict.hold(NAME, String.format(java.util.Locale.ROOT, "Spam score %.2f.", score));
        }
        return Verdict.PASS;
    }
}

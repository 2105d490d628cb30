package dev.tribune.moderation;

/**
 * Acts on the toxicity score: refuses above the reject threshold; above the nudge threshold asks
 * the writer to think again, and holds the comment when they post it anyway (or edit it).
 */
final class Toxicity implements Phase {
    static final String NAME = "toxicity";

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        Policy p = s.policy();
        double score = s.scores().toxicity();
        String why = s.scores().reasons().isEmpty() ? "" : " (" + String.join(", ", s.scores().reasons()) + ")";
        if (p.toxicityReject() != null && score >= p.toxicityReject()) {
            return Verdict.reject(NAME, "Your comment looks abusive and was not posted. Please rephrase it.");
        }
        if (p.toxicityNudge() != null && score >= p.toxicityNudge()) {
            if (s.confirm() || s.edit()) {
                return Verdict.hold(NAME, String.format(java.util.Locale.ROOT, "Toxicity score %.2f%s; posted for review by its writer.", score, why));
            }
            return Verdict.nudge(NAME, Verdict.NUDGE_MESSAGE);
        }
        return Verdict.PASS;
    }
}

package dev.tribune.moderation;

/** Refuses comments shorter or longer than the site allows. */
final class Length implements Phase {
    static final String NAME = "length";

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        int n = s.body().strip().codePointCount(0, s.body().strip().length());
        Policy p = s.policy();
        if (n < p.minLength()) {
            return Verdict.reject(NAME, "Your comment is too short: write at least " + p.minLength() + " characters.");
        }
        if (n > p.maxLength()) {
            return Verdict.reject(NAME, "Your comment is " + String.format("%,d", n) + " characters long; this site takes at most "
                    + String.format("%,d", p.maxLength()) + ".");
        }
        return Verdict.PASS;
    }
}

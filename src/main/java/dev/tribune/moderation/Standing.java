package dev.tribune.moderation;

/** Refuses writers who are banned or suspended on the site, and holds those marked "hold everything". */
final class Standing implements Phase {
    static final String NAME = "sanctions";
    private final History history;

    Standing(History history) { this.history = history; }

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        return history.sanction(s.siteId(), s.commenter(), s.authorEmail())
                .map(x -> x.refusesComments() ? Verdict.reject(NAME, x.message())
                        : Verdict.hold(NAME, "Everything from this commenter is held for review."))
                .orElse(Verdict.PASS);
    }
}

package dev.tribune.moderation;

/** Refuses comments and edits on a discussion staff have closed. */
final class ClosedDiscussion implements Phase {
    static final String NAME = "closed";

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        return s.discussion().open() ? Verdict.PASS : Verdict.reject(NAME, "Comments are closed on this article.");
    }
}

package dev.tribune.moderation;

/**
 * Holds reader comments the site reviews before they appear: on the whole site, on one
 * premoderated discussion, from writers with fewer published comments than the site asks of
 * newcomers, and comments with links when the site says so. Staff are never held here.
 */
final class Premoderation implements Phase {
    static final String NAME = "premoderation";
    private final History history;

    Premoderation(History history) { this.history = history; }

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        if (s.byStaff()) return Verdict.PASS;
        Policy p = s.policy();
        if (p.premoderateAll()) {
            return Verdict.hold(NAME, "This site reviews every comment before it appears.");
        }
        if (s.discussion().premoderated()) {
            return Verdict.hold(NAME, "This discussion is premoderated: every comment is reviewed before it appears.");
        }
        if (p.premoderateLinks() && Links.count(s.body()) > 0) {
            return Verdict.hold(NAME, "Comments with links are reviewed before they appear.");
        }
        if (p.premoderateNewCommenters() > 0 && !s.edit()
                && history.published(s.siteId(), s.commenter()) < p.premoderateNewCommenters()) {
            return Verdict.hold(NAME, "A new commenter's first comments are reviewed before they appear.");
        }
        return Verdict.PASS;
    }
}

package dev.tribune.moderation;

import java.time.Duration;
import java.time.Instant;

/**
 * Refuses the same text posted twice by one writer, and holds as likely spam a text that
 * several other writers posted across the site within the hour.
 */
final class RepeatedPost implements Phase {
    static final String NAME = "repeat";
    private final History history;

    RepeatedPost(History history) { this.history = history; }

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        if (s.edit()) return Verdict.PASS;
        Policy p = s.policy();
        Instant now = Instant.now();
        if (history.postedSameText(s.siteId(), s.commenter(), s.body(), now.minus(Duration.ofHours(p.duplicateHours())))) {
            return Verdict.reject(NAME, "You already posted this comment.");
        }
        if (history.othersPostedSameText(s.siteId(), s.commenter(), s.body(), now.minus(Duration.ofHours(1))) >= p.siteDuplicateLimit()) {
            return Verdict.hold(NAME, "The same text was posted by several commenters across the site.");
        }
        return Verdict.PASS;
    }
}

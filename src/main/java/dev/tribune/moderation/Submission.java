package dev.tribune.moderation;

import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;

/**
 * A new or edited comment on its way into a discussion, as the pipeline sees it. confirm says the
 * writer chose "post for review" after a nudge. The pipeline fills in the site's policy and the
 * classifier scores before the phases run.
 */
public record Submission(Discussion discussion, Long parentId, Commenter commenter, String authorName,
                         String authorEmail, String body, boolean edit, boolean confirm, Policy policy, TextScores scores) {

    public Submission(Discussion discussion, Long parentId, Commenter commenter, String authorName,
                      String authorEmail, String body, boolean edit) {
        this(discussion, parentId, commenter, authorName, authorEmail, body, edit, false, null, null);
    }

    public Submission with(Policy p, TextScores s) {
        return new Submission(discussion, parentId, commenter, authorName, authorEmail, body, edit, confirm, p, s);
    }

    public long siteId() { return discussion.siteId(); }

    /** Staff post under their own name and are not held by premoderation rules. */
    public boolean byStaff() { return commenter.account() != null; }
}

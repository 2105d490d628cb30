package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Discussion;
import dev.tribune.moderation.Verdict;

import java.util.List;

/**
 * The stored comment and the verdict it got: published, or held for review with a reason.
 * parentAuthor is the name on the comment it replies to (null for a top-level comment);
 * discussion is the discussion as the comment's publication left it (null when it was held).
 */
public record Posted(Comment comment, Verdict verdict, String parentAuthor, Discussion discussion) {

    /** The new comment as its writer sees it in the thread: no replies yet, a held one marked as awaiting review. */
    public CommentNode asShownToWriter() {
        Comment c = comment;
        String inReplyTo = c.depth() > Limits.MAX_INDENT_DEPTH ? parentAuthor : null;
        return new CommentNode(c, List.of(), Math.min(c.depth(), Limits.MAX_INDENT_DEPTH), inReplyTo, false,
                c.status() == CommentStatus.PENDING);
    }
}

package dev.tribune.discussion;

import dev.tribune.domain.Comment;

import java.util.List;

/**
 * A comment as a reader sees it in the thread: its visible replies, how far it is indented,
 * whom it answers when it stands deeper than the indentation goes, and whether it is a tombstone.
 */
public record CommentNode(Comment comment, List<CommentNode> replies, int indent, String inReplyTo,
                          boolean tombstone, boolean awaitingReview) {

    /** What a tombstone says in place of the text: its writer deleted it, or a moderator removed (or holds) it. */
    public String tombstoneText() {
        return comment.status() == dev.tribune.domain.CommentStatus.DELETED ? "[deleted]" : "[removed]";
    }
}

package dev.tribune.discussion;

import dev.tribune.domain.Comment;

import java.util.List;

/**
 * A comment as a reader sees it in the thread: its visible replies, how far it is indented,
 * whom it answers when it stands deeper than the indentation goes, and whether it is a tombstone.
 */
public record CommentNode(Comment comment, List<CommentNode> replies, int indent, String inReplyTo,
                          boolean tombstone, boolean awaitingReview) {}

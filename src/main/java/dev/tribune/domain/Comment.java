package dev.tribune.domain;

import java.time.Instant;

/** One comment of a discussion, as stored. number is set on top-level comments once published. */
public record Comment(long id, long discussionId, Long parentId, long rootId, int depth, Integer number,
                      String path, String authorName, Long accountId, String guestKey, String badge,
                      String bodyMd, String bodyHtml, CommentStatus status, String statusReason,
                      int score, int upvotes, int downvotes, Instant createdAt, Instant editedAt) {

    public boolean isTopLevel() { return parentId == null; }

    public boolean isEdited() { return editedAt != null; }
}

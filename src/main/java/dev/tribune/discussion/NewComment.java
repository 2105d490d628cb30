package dev.tribune.discussion;

import dev.tribune.domain.Commenter;

/**
 * What a reader typed into the comment form, before any checks. parentId is null for a top-level
 * comment; confirm is set when the writer chose "post for review" after the guidelines nudge.
 */
public record NewComment(long discussionId, Long parentId, String name, String email, String body, Commenter commenter,
                         boolean confirm) {

    public NewComment(long discussionId, Long parentId, String name, String email, String body, Commenter commenter) {
        this(discussionId, parentId, name, email, body, commenter, false);
    }
}

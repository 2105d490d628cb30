package dev.tribune.discussion;

import dev.tribune.domain.Commenter;

/** What a reader typed into the comment form, before any checks. parentId is null for a top-level comment. */
public record NewComment(long discussionId, Long parentId, String name, String email, String body, Commenter commenter) {}

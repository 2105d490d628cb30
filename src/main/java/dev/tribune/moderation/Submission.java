package dev.tribune.moderation;

import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;

/** A new or edited comment on its way into a discussion, as the pipeline sees it. */
public record Submission(Discussion discussion, Long parentId, Commenter commenter, String authorName,
                         String authorEmail, String body, boolean edit) {}

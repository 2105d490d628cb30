package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.moderation.Verdict;

/** The stored comment and the verdict it got: published, or held for review with a reason. */
public record Posted(Comment comment, Verdict verdict) {}

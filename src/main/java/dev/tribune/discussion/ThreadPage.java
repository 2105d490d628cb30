package dev.tribune.discussion;

import dev.tribune.domain.Discussion;

import java.util.List;

/** One page of top-level comments in an order, each with all its replies; nextCursor is null on the last page. */
public record ThreadPage(Discussion discussion, Sort sort, List<CommentNode> comments, String cursor, String nextCursor) {}

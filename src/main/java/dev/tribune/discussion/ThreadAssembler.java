package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds the tree a reader sees from top-level comments (in page order) and their descendants
 * (in path order). Pending comments show in full only when {@code ownPending} says the viewer
 * wrote them. A comment readers may not see (deleted, hidden, or someone else's held one) stays
 * as a tombstone while a visible reply hangs under it, so that the replies stay readable and what
 * readers see matches the discussion's count of published comments.
 */
public final class ThreadAssembler {

    private ThreadAssembler() {}

    public static List<CommentNode> assemble(List<Comment> roots, List<Comment> descendants, Predicate<Comment> ownPending) {
        Map<Long, List<Comment>> children = new HashMap<>();
        for (Comment c : descendants) {
            children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
        }
        Map<Long, String> names = new HashMap<>();
        for (Comment c : roots) names.put(c.id(), c.authorName());
        for (Comment c : descendants) names.put(c.id(), c.authorName());

        List<CommentNode> out = new ArrayList<>(roots.size());
        for (Comment root : roots) {
            CommentNode n = build(root, children, names, ownPending);
            if (n != null) out.add(n);
        }
        return out;
    }

    private static CommentNode build(Comment c, Map<Long, List<Comment>> children, Map<Long, String> names,
                                     Predicate<Comment> ownPending) {
        List<CommentNode> replies = new ArrayList<>();
        for (Comment child : children.getOrDefault(c.id(), List.of())) {
            CommentNode r = build(child, children, names, ownPending);
            if (r != null) replies.add(r);
        }
        boolean pendingOwn = c.status() == CommentStatus.PENDING && ownPending.test(c);
        boolean shown = c.status() == CommentStatus.PUBLISHED || pendingOwn;
        if (!shown && replies.isEmpty()) return null;
        boolean tombstone = !shown;
        int indent = Math.min(c.depth(), Limits.MAX_INDENT_DEPTH);
        String inReplyTo = c.depth() > Limits.MAX_INDENT_DEPTH && c.parentId() != null ? names.get(c.parentId()) : null;
        return new CommentNode(c, List.copyOf(replies), indent, inReplyTo, tombstone, pendingOwn);
    }
}

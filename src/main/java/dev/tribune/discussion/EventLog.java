package dev.tribune.discussion;

import dev.tribune.store.Jdbc;
import org.jdbi.v3.core.Handle;

/**
 * Appends what happened to a discussion in the same transaction as the change, so that live
 * streams can replay from any event id. Kinds: comment.published, comment.edited, comment.removed,
 * comment.voted, discussion.opened, discussion.closed. Only things readers may see are logged:
 * a held or rejected comment writes no event until it is published.
 */
public final class EventLog {
    private EventLog() {}

    public static long append(Handle h, long discussionId, String kind, Long commentId, String payloadJson) {
        // Live streams read "events after the last id I delivered", which is only safe if a
        // discussion's events commit in id order. Locking the discussion row before taking the id
        // makes concurrent transactions on one discussion (PostgreSQL) take ids in commit order.
        h.createUpdate("update discussion set id = id where id = ?").bind(0, discussionId).execute();
        return appendLocked(h, discussionId, kind, commentId, payloadJson);
    }

    /** Appends an event in a transaction that already changed (and so locked) the discussion's row. */
    public static long appendLocked(Handle h, long discussionId, String kind, Long commentId, String payloadJson) {
        return Jdbc.one(h, "insert into event (discussion_id, kind, comment_id, payload, created_at) values (?, ?, ?, ?, ?) returning id",
                discussionId, kind, commentId, payloadJson == null ? "{}" : payloadJson, System.currentTimeMillis());
    }
}

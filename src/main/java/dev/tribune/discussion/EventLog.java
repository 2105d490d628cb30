package dev.tribune.discussion;

import org.jdbi.v3.core.Handle;

/**
 * Appends what happened to a discussion in the same transaction as the change, so that live
 * streams can replay from any event id. Kinds: comment.published, comment.edited, comment.removed.
 */
public final class EventLog {
    private EventLog() {}

    public static long append(Handle h, long discussionId, String kind, Long commentId, String payloadJson) {
        return h.createQuery("insert into event (discussion_id, kind, comment_id, payload, created_at) "
                        + "values (?, ?, ?, ?, ?) returning id")
                .bind(0, discussionId).bind(1, kind).bind(2, commentId)
                .bind(3, payloadJson == null ? "{}" : payloadJson).bind(4, System.currentTimeMillis())
                .mapTo(Long.class).one();
    }
}

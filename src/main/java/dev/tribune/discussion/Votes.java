package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;

import java.util.Map;

/**
 * Up and down votes: one per voter and comment (account, else browser token, else hashed
 * address), changeable and withdrawable; nobody votes on their own comment. Votes do not change
 * a discussion's version: totals in shared pages may lag and live updates carry fresh ones.
 */
public final class Votes {
    private final Database db;
    private final java.util.function.Consumer<Long> afterChange;

    public Votes(Database db) {
        this(db, discussionId -> { });
    }

    /** afterChange is told the discussion id after each committed vote (live streams carry fresh totals). */
    public Votes(Database db, java.util.function.Consumer<Long> afterChange) {
        this.db = db;
        this.afterChange = afterChange;
    }

    /** The comment's totals after the vote. */
    public record Tally(long commentId, int score, int upvotes, int downvotes, int myVote) {}

    /** value is 1 (up), -1 (down) or 0 (take my vote back). */
    public Tally vote(long commentId, int value, Commenter voter) {
        if (value < -1 || value > 1) throw Refusal.invalid("value", "A vote is 1 (up), -1 (down) or 0 (withdraw).");
        long[] discussion = new long[1];
        Tally tally = db.write(h -> {
            // On PostgreSQL, concurrent voters on one comment wait here, so each recount below sees the others' votes.
            h.createQuery("select id from comment where id = ?" + db.dialect().forUpdate()).bind(0, commentId).mapTo(Long.class).findOne();
            Comment c = CommentWriter.load(h, commentId)
                    .orElseThrow(() -> Refusal.notFound("There is no comment " + commentId + "."));
            if (c.status() != CommentStatus.PUBLISHED) throw new Refusal(409, "not-votable", "Only published comments can be voted on.");
            discussion[0] = c.discussionId();
            if (voter.wrote(c) || (c.guestKey() == null && c.accountId() == null && voter.ipHash() != null
                    && voter.ipHash().equals(ipOf(h, commentId)) && voter.guestKey() == null)) {
                throw new Refusal(403, "own-comment", "You cannot vote on your own comment.");
            }
            String key = voter.voterKey();
            if (value == 0) {
                h.createUpdate("delete from vote where comment_id = ? and voter_key = ?").bind(0, commentId).bind(1, key).execute();
            } else {
                int changed = h.createUpdate("update vote set value = ? where comment_id = ? and voter_key = ?")
                        .bind(0, value).bind(1, commentId).bind(2, key).execute();
                if (changed == 0) {
                    h.createUpdate("insert into vote (comment_id, voter_key, value, ip_hash, created_at) values (?, ?, ?, ?, ?)")
                            .bind(0, commentId).bind(1, key).bind(2, value).bind(3, voter.ipHash())
                            .bind(4, System.currentTimeMillis()).execute();
                }
            }
            h.createUpdate("update comment set "
                            + "upvotes = (select count(*) from vote where comment_id = :id and value = 1), "
                            + "downvotes = (select count(*) from vote where comment_id = :id and value = -1) where id = :id")
                    .bind("id", commentId).execute();
            h.createUpdate("update comment set score = upvotes - downvotes where id = ?").bind(0, commentId).execute();
            Comment after = CommentWriter.load(h, commentId).orElseThrow();
            EventLog.append(h, c.discussionId(), "comment.voted", commentId,
                    "{\"id\":" + commentId + ",\"score\":" + after.score() + "}");
            return new Tally(commentId, after.score(), after.upvotes(), after.downvotes(), value);
        });
        afterChange.accept(discussion[0]);
        return tally;
    }

    /** The viewer's own votes among some comments: comment id to 1 or -1. */
    public Map<Long, Integer> mine(long discussionId, Commenter viewer) {
        return db.read(h -> h.createQuery("select v.comment_id, v.value from vote v join comment c on c.id = v.comment_id "
                        + "where c.discussion_id = ? and v.voter_key = ?")
                .bind(0, discussionId).bind(1, viewer.voterKey())
                .reduceRows(new java.util.HashMap<Long, Integer>(), (m, row) -> {
                    m.put(row.getColumn("comment_id", Long.class), row.getColumn("value", Integer.class));
                    return m;
                }));
    }

    private static String ipOf(org.jdbi.v3.core.Handle h, long commentId) {
        return h.createQuery("select ip_hash from comment where id = ?").bind(0, commentId).mapTo(String.class).findOne().orElse(null);
    }
}

package dev.tribune.moderation;

import dev.tribune.discussion.CommentWriter;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;

import java.time.Duration;

/**
 * Readers' reports on comments. One report per reader per comment; readers are rate limited.
 * When a comment reaches the site's threshold it goes to the moderators: like Coral, it stays
 * visible and is listed as reported (reportAction "flag"), or, where the site says "hold", it is
 * hidden until reviewed.
 */
public final class Reports {
    /** Longest note a reader can add to a report. */
    public static final int MAX_NOTE_CHARS = 500;
    /** Reports from one address may come from several readers (a household, an office), so it gets more room. */
    private static final int ADDRESS_FACTOR = 3;

    private final Database db;
    private final Policies policies;
    private final CommentWriter writer;

    public Reports(Database db, Policies policies, CommentWriter writer) {
        this.db = db;
        this.policies = policies;
        this.writer = writer;
    }

    /** What a report led to: the comment's report count and whether this report sent it to the moderators. */
    public record Outcome(int reports, boolean reachedModerators) {}

    private record Target(long siteId, String status, Long accountId, String guestKey) {}

    public Outcome report(long siteId, long commentId, Commenter reader, ReportReason reason, String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE_CHARS) {
            throw Refusal.invalid("note", "A note can be at most " + MAX_NOTE_CHARS + " characters long.");
        }
        Policy policy = policies.forSite(siteId);
        long now = System.currentTimeMillis();
        long hourAgo = now - Duration.ofHours(1).toMillis();
        String key = reader.voterKey();
        Outcome out = db.write(h -> {
            Target t = h.createQuery("select d.site_id, c.status, c.account_id, c.guest_key from comment c "
                            + "join discussion d on d.id = c.discussion_id where c.id = ?")
                    .bind(0, commentId).map((rs, c) -> {
                        long account = rs.getLong(3);
                        return new Target(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : account, rs.getString(4));
                    }).findOne()
                    .filter(x -> x.siteId() == siteId && x.status().equals("published"))
                    .orElseThrow(() -> Refusal.notFound("There is no comment " + commentId + " to report."));
            boolean own = (reader.account() != null && t.accountId() != null && reader.account().id() == t.accountId())
                    || (reader.guestKey() != null && reader.guestKey().equals(t.guestKey()));
            if (own) throw Refusal.forbidden("You cannot report your own comment; you can edit or delete it.");
            boolean already = h.createQuery("select count(*) from flag where comment_id = ? and reporter_key = ?")
                    .bind(0, commentId).bind(1, key).mapTo(Integer.class).one() > 0;
            if (already) throw new Refusal(409, "already-reported", "You already reported this comment. Thank you.");
            int mine = h.createQuery("select count(*) from flag where reporter_key = ? and created_at > ?")
                    .bind(0, key).bind(1, hourAgo).mapTo(Integer.class).one();
            int fromAddress = reader.ipHash() == null ? 0 : h.createQuery("select count(*) from flag where ip_hash = ? and created_at > ?")
                    .bind(0, reader.ipHash()).bind(1, hourAgo).mapTo(Integer.class).one();
            if (mine >= policy.reportsPerHour() || fromAddress >= policy.reportsPerHour() * ADDRESS_FACTOR) {
                throw new Refusal(429, "rate-limited", "You have sent many reports in the last hour. Please try again later.");
            }
            h.createUpdate("insert into flag (comment_id, reporter_key, ip_hash, reason, note, created_at) values (?, ?, ?, ?, ?, ?)")
                    .bind(0, commentId).bind(1, key).bind(2, reader.ipHash()).bind(3, reason.code()).bind(4, text).bind(5, now).execute();
            int count = h.createQuery("update comment set report_count = report_count + 1 where id = ? returning report_count")
                    .bind(0, commentId).mapTo(Integer.class).one();
            boolean reached = count == policy.reportThreshold();
            if (reached) {
                h.createUpdate("update comment set reported_at = ? where id = ?").bind(0, now).bind(1, commentId).execute();
                Decisions.record(h, commentId, "reports", policy.reportAction().equals("hold") ? "hold" : "report",
                        reportedBy(count), Decisions.READERS, null);
            }
            return new Outcome(count, reached);
        });
        if (out.reachedModerators() && policy.reportAction().equals("hold")) {
            writer.hold(commentId, reportedBy(out.reports()));
        }
        return out;
    }

    private static String reportedBy(int n) {
        return "reported by " + n + (n == 1 ? " reader" : " readers");
    }
}

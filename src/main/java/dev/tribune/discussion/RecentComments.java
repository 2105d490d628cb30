package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;

import java.util.List;
import java.util.Optional;

/**
 * The latest comments across a whole site, in every status, newest first, for staff: keyset
 * pages by (created time, id), never OFFSET, optionally of one status only. Time, not id, sets
 * the order because imported comments arrive long after they were written.
 */
public final class RecentComments {
    public static final int PAGE_SIZE = 50;

    /** One comment with where it stands: its discussion's title and, for articles, the article's slug. */
    public record Entry(Comment comment, String discussionTitle, String articleSlug) {}

    /** A page of entries; next is the cursor of the following (older) page, null on the last one. */
    public record Page(List<Entry> entries, String next) {}

    private static final String FROM = " from comment c join discussion d on d.id = c.discussion_id "
            + "left join article a on a.id = d.article_id where d.site_id = :site";

    private final Database db;

    public RecentComments(Database db) {
        this.db = db;
    }

    /** status null means all statuses; before is the cursor of a previous page ("millis_id") or null. */
    public Page page(long siteId, CommentStatus status, String before, int limit) {
        long[] after = parseCursor(before);
        String sql = "select " + CommentRows.COLUMNS + ", d.title as d_title, a.slug as a_slug" + FROM
                + (status == null ? "" : " and c.status = :status")
                + (after == null ? "" : " and (c.created_at < :t or (c.created_at = :t and c.id < :id))")
                + " order by c.created_at desc, c.id desc limit :n";
        List<Entry> rows = db.read(h -> h.createQuery(sql)
                .bind("site", siteId).bind("status", status == null ? null : status.db())
                .bind("t", after == null ? null : after[0]).bind("id", after == null ? null : after[1])
                .bind("n", limit + 1)
                .map((rs, ctx) -> new Entry(CommentRows.COMMENT.map(rs, ctx), rs.getString("d_title"), rs.getString("a_slug")))
                .list());
        if (rows.size() <= limit) return new Page(rows, null);
        List<Entry> shown = rows.subList(0, limit);
        Comment last = shown.get(limit - 1).comment();
        return new Page(List.copyOf(shown), last.createdAt().toEpochMilli() + "_" + last.id());
    }

    /** One comment, when it belongs to a discussion of this site. */
    public Optional<Entry> find(long siteId, long commentId) {
        return db.read(h -> h.createQuery("select " + CommentRows.COLUMNS + ", d.title as d_title, a.slug as a_slug" + FROM
                        + " and c.id = :id")
                .bind("site", siteId).bind("id", commentId)
                .map((rs, ctx) -> new Entry(CommentRows.COMMENT.map(rs, ctx), rs.getString("d_title"), rs.getString("a_slug")))
                .findOne());
    }

    private static long[] parseCursor(String before) {
        if (before == null || before.isBlank()) return null;
        try {
            String[] p = before.strip().split("_", 2);
            return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
        } catch (RuntimeException e) {
            throw Refusal.invalid("before", "That page cursor is not valid; start from the newest comments.");
        }
    }
}

package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Discussion;
import org.jdbi.v3.core.mapper.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Column lists and row mappers for comments and discussions. */
public final class CommentRows {
    public static final String COLUMNS = "c.id, c.discussion_id, c.parent_id, c.root_id, c.depth, c.number, c.path, "
            + "c.author_name, c.account_id, c.guest_key, c.badge, c.body_md, c.body_html, c.status, c.status_reason, "
            + "c.score, c.upvotes, c.downvotes, c.created_at, c.edited_at";

    static final String DISCUSSION_COLUMNS = "id, site_id, page_key, article_id, title, url, open, premoderated, "
            + "comment_count, next_number, version";

    public static final RowMapper<Comment> COMMENT = (rs, ctx) -> new Comment(
            rs.getLong("id"), rs.getLong("discussion_id"), longOrNull(rs, "parent_id"), rs.getLong("root_id"),
            rs.getInt("depth"), intOrNull(rs, "number"), rs.getString("path"), rs.getString("author_name"),
            longOrNull(rs, "account_id"), rs.getString("guest_key"), rs.getString("badge"),
            rs.getString("body_md"), rs.getString("body_html"), CommentStatus.fromDb(rs.getString("status")),
            rs.getString("status_reason"), rs.getInt("score"), rs.getInt("upvotes"), rs.getInt("downvotes"),
            Instant.ofEpochMilli(rs.getLong("created_at")), instantOrNull(rs, "edited_at"));

    static final RowMapper<Discussion> DISCUSSION = (rs, ctx) -> new Discussion(
            rs.getLong("id"), rs.getLong("site_id"), rs.getString("page_key"), longOrNull(rs, "article_id"),
            rs.getString("title"), rs.getString("url"), rs.getInt("open") != 0, rs.getInt("premoderated") != 0,
            rs.getInt("comment_count"), rs.getInt("next_number"), rs.getLong("version"));

    static Long longOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static Integer intOrNull(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    static Instant instantOrNull(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** Path segment of one comment: its id, zero-padded so that text order is creation order. */
    public static String segment(long id) {
        return String.format("%012d", id);
    }

    private CommentRows() {}
}

package dev.tribune.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tribune.store.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads a discussion's events after a given id, in one query, and turns each into what a page
 * needs. Comment fields come from the comment as it is now, and only while it is published: a
 * comment held or hidden since its event was written never reaches a stream.
 */
public final class EventFeed {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SINCE = "select e.id, e.kind, e.comment_id, d.comment_count, d.open, "
            + "c.parent_id, c.root_id, c.depth, c.number, c.author_name, c.badge, c.body_html, c.status, c.score, "
            + "c.created_at, c.edited_at "
            + "from event e join discussion d on d.id = e.discussion_id left join comment c on c.id = e.comment_id "
            + "where e.discussion_id = ? and e.id > ? order by e.id limit ?";

    private final Database db;

    public EventFeed(Database db) {
        this.db = db;
    }

    /** Where a discussion stands, read in one statement (one snapshot): its latest event id and its published comment count. */
    public record Head(long eventId, int commentCount) {}

    public Head now(long discussionId) {
        return db.read(h -> h.createQuery("select coalesce((select max(id) from event where discussion_id = d.id), 0), d.comment_count "
                        + "from discussion d where d.id = ?")
                .bind(0, discussionId).map((rs, ctx) -> new Head(rs.getLong(1), rs.getInt(2))).findOne().orElse(new Head(0, 0)));
    }

    /** The id of the discussion's latest event, 0 when it has none. */
    public long head(long discussionId) {
        return db.read(h -> h.createQuery("select coalesce(max(id), 0) from event where discussion_id = ?")
                .bind(0, discussionId).mapTo(Long.class).one());
    }

    /** Up to limit events of the discussion with ids above afterId, oldest first. */
    public List<LiveEvent> since(long discussionId, long afterId, int limit) {
        return db.read(h -> h.createQuery(SINCE).bind(0, discussionId).bind(1, afterId).bind(2, limit)
                .map((rs, ctx) -> new LiveEvent(rs.getLong("id"), discussionId, rs.getString("kind"), data(rs)))
                .list());
    }

    private static String data(ResultSet rs) throws SQLException {
        ObjectNode o = JSON.createObjectNode();
        String kind = rs.getString("kind");
        long commentId = rs.getLong("comment_id");
        boolean hasComment = !rs.wasNull();
        boolean shown = "published".equals(rs.getString("status"));
        int count = rs.getInt("comment_count");
        if (hasComment) o.put("id", commentId);
        switch (kind) {
            case "comment.published" -> {
                if (shown) comment(rs, o);
                o.put("commentCount", count);
            }
            case "comment.edited" -> {
                if (shown) {
                    o.put("html", rs.getString("body_html"));
                    o.put("editedAt", instant(rs, "edited_at"));
                }
            }
            case "comment.removed" -> {
                o.put("deleted", "deleted".equals(rs.getString("status")));
                o.put("commentCount", count);
            }
            case "comment.voted" -> o.put("score", rs.getInt("score"));
            case "discussion.opened", "discussion.closed" -> o.put("open", rs.getInt("open") != 0);
            default -> { }
        }
        return o.toString();
    }

    private static void comment(ResultSet rs, ObjectNode o) throws SQLException {
        long parent = rs.getLong("parent_id");
        if (rs.wasNull()) o.putNull("parentId"); else o.put("parentId", parent);
        o.put("rootId", rs.getLong("root_id"));
        o.put("depth", rs.getInt("depth"));
        int number = rs.getInt("number");
        if (rs.wasNull()) o.putNull("number"); else o.put("number", number);
        ObjectNode author = o.putObject("author");
        author.put("name", rs.getString("author_name"));
        author.put("badge", rs.getString("badge"));
        o.put("html", rs.getString("body_html"));
        o.put("createdAt", instant(rs, "created_at"));
        o.put("editedAt", instant(rs, "edited_at"));
        o.put("score", rs.getInt("score"));
    }

    private static String instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms).toString();
    }
}

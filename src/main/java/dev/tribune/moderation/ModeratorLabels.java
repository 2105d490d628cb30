package dev.tribune.moderation;

import dev.tribune.store.Database;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moderators' decisions as labeled text: approve or restore is 0, reject or hide is 1, with the
 * text as it stood when decided. This is the site's own training data, read back as the same
 * JSONL lines the trainer takes ({"text", "label"} plus time, site and reason).
 */
public final class ModeratorLabels {
    /** One labeled comment. */
    public record Label(long siteId, long commentId, String text, int label, String reason, Instant at) {
        /** The line for a training file. */
        public Map<String, Object> jsonl() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", text);
            m.put("label", label);
            m.put("time", at.toString());
            m.put("site", siteId);
            m.put("reason", reason);
            m.put("commentId", commentId);
            return m;
        }
    }

    private final Database db;

    public ModeratorLabels(Database db) {
        this.db = db;
    }

    static void record(Handle h, long siteId, long commentId, String text, boolean rejected, String reason, Long accountId) {
        h.createUpdate("insert into moderator_label (site_id, comment_id, body, label, reason, account_id, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .bind(0, siteId).bind(1, commentId).bind(2, text).bind(3, rejected ? 1 : 0).bind(4, reason == null ? "" : reason)
                .bind(5, accountId).bind(6, System.currentTimeMillis()).execute();
    }

    /** A site's latest labels, newest first. */
    public List<Label> latest(long siteId, int limit) {
        return db.read(h -> h.createQuery("select site_id, comment_id, body, label, reason, created_at from moderator_label"
                        + " where site_id = :site order by id desc limit :n")
                .bind("site", siteId).bind("n", limit)
                .map((rs, c) -> new Label(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        Instant.ofEpochMilli(rs.getLong(6)))).list());
    }

    /** Every label of a site (all sites when siteId is null), oldest first. */
    public List<Label> all(Long siteId) {
        return db.read(h -> h.createQuery("select site_id, comment_id, body, label, reason, created_at from moderator_label"
                        + " where site_id = :site or :all = 1 order by id")
                .bind("site", siteId == null ? -1L : siteId).bind("all", siteId == null ? 1 : 0)
                .map((rs, c) -> new Label(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        Instant.ofEpochMilli(rs.getLong(6)))).list());
    }
}

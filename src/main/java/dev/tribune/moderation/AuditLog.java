package dev.tribune.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.domain.Account;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The record of every staff moderation decision on a site (who, when, what, why), newest first, filterable. */
public final class AuditLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, site_id, account_id, actor, action, comment_id, subject, reason, detail, created_at";

    /** What a staff member did. */
    public enum Action {
        APPROVE, REJECT, HIDE, RESTORE, BAN, SUSPEND, HOLD_EVERYTHING, LIFT, SETTINGS,
        /** A change on the site settings screens: name, host, origins, who may comment, SSO, providers, staff roles. */
        SITE_SETTINGS;

        public String db() { return name().toLowerCase().replace('_', '-'); }

        public String label() {
            String s = db().replace('-', ' ');
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        public static Action parse(String code) {
            return Arrays.stream(values()).filter(a -> a.db().equals(code)).findFirst()
                    .orElseThrow(() -> Refusal.invalid("action", "Choose an action from the list."));
        }
    }

    /** One entry; detail is JSON (changed settings, the sanctioned identity, ...). */
    public record Entry(long id, Long accountId, String actor, Action action, Long commentId, String subject, String reason,
                        String detail, Instant at) {}

    /** What to look for; null fields match everything. to is exclusive; before is the id cursor of the next page. */
    public record Filter(Long accountId, Action action, Instant from, Instant to, Long commentId, String commenter, Long before) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null, null);
    }

    /** A page of entries, newest first; next is the cursor of the older page, null on the last one. */
    public record Page(List<Entry> entries, Long next) {}

    /** A staff member who appears in the log, for the filter's list. */
    public record Actor(long accountId, String name) {}

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** Records a decision inside the caller's transaction. */
    public static void record(Handle h, long siteId, Account by, Action action, Long commentId, String subject, String reason,
                              Map<String, ?> detail) {
        String json;
        try {
            json = JSON.writeValueAsString(detail == null ? Map.of() : detail);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        h.createUpdate("insert into audit_entry (site_id, account_id, actor, action, comment_id, subject, reason, detail, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, siteId).bind(1, by == null ? null : by.id()).bind(2, by == null ? "Tribune" : by.displayName())
                .bind(3, action.db()).bind(4, commentId).bind(5, subject == null ? "" : subject)
                .bind(6, reason == null ? "" : reason).bind(7, json).bind(8, System.currentTimeMillis()).execute();
    }

    public void record(long siteId, Account by, Action action, Long commentId, String subject, String reason, Map<String, ?> detail) {
        db.update(h -> record(h, siteId, by, action, commentId, subject, reason, detail));
    }

    public Page search(long siteId, Filter f, int limit) {
        StringBuilder where = new StringBuilder(" where site_id = :site");
        if (f.accountId() != null) where.append(" and account_id = :account");
        if (f.action() != null) where.append(" and action = :action");
        if (f.from() != null) where.append(" and created_at >= :from");
        if (f.to() != null) where.append(" and created_at < :to");
        if (f.commentId() != null) where.append(" and comment_id = :comment");
        if (f.commenter() != null) where.append(" and lower(subject) like :commenter");
        if (f.before() != null) where.append(" and id < :before");
        List<Entry> rows = db.read(h -> {
            Query q = h.createQuery("select " + COLUMNS + " from audit_entry" + where + " order by id desc limit :n")
                    .bind("site", siteId).bind("n", limit + 1);
            if (f.accountId() != null) q.bind("account", f.accountId());
            if (f.action() != null) q.bind("action", f.action().db());
            if (f.from() != null) q.bind("from", f.from().toEpochMilli());
            if (f.to() != null) q.bind("to", f.to().toEpochMilli());
            if (f.commentId() != null) q.bind("comment", f.commentId());
            if (f.commenter() != null) q.bind("commenter", "%" + likeEscaped(f.commenter().toLowerCase(java.util.Locale.ROOT)) + "%");
            if (f.before() != null) q.bind("before", f.before());
            return q.map((rs, c) -> {
                long account = rs.getLong(3);
                Long accountId = rs.wasNull() ? null : account;
                long comment = rs.getLong(6);
                Long commentId = rs.wasNull() ? null : comment;
                return new Entry(rs.getLong(1), accountId, rs.getString(4), Action.parse(rs.getString(5)), commentId,
                        rs.getString(7), rs.getString(8), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)));
            }).list();
        });
        if (rows.size() <= limit) return new Page(rows, null);
        List<Entry> shown = List.copyOf(rows.subList(0, limit));
        return new Page(shown, shown.get(limit - 1).id());
    }

    /** Everyone who has an entry on the site, by name. */
    public List<Actor> actors(long siteId) {
        return db.read(h -> h.createQuery("select account_id, max(actor) from audit_entry where site_id = ? and account_id is not null "
                        + "group by account_id order by max(actor)")
                .bind(0, siteId).map((rs, c) -> new Actor(rs.getLong(1), rs.getString(2))).list());
    }

    /** The commenter filter is a plain substring: % and _ typed by a person are dropped, never taken as wildcards. */
    private static String likeEscaped(String s) {
        return s.replace("%", "").replace("_", "");
    }
}

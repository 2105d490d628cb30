package dev.tribune.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.store.Database;
import dev.tribune.store.Jdbc;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored record of who or what decided about a comment, why, and with which scores. */
public final class Decisions {
    public static final String PIPELINE = "pipeline";
    public static final String READERS = "readers";
    /** The phase name of a staff member's approve or reject. */
    public static final String MODERATOR = "moderator";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored decision. decidedBy is "pipeline", "readers" or "account:ID". */
    public record Decision(long id, long commentId, String phase, String outcome, String reason, Double toxicity, Double spam,
                           String scores, String decidedBy, Long accountId, Instant at) {}

    private final Database db;

    public Decisions(Database db) {
        this.db = db;
    }

    /**
     * Stores the pipeline's findings about a comment inside the transaction that stores it: one
     * row per hold (or nudge confirmed into a hold), or one "pass" row, each with the scores.
     */
    public static void recordPipeline(Handle h, long commentId, Judgement j) {
        List<Verdict> rows = j.findings().isEmpty() ? List.of(Verdict.PASS) : j.findings();
        for (Verdict v : rows) {
            insert(h, commentId, v.passes() ? PIPELINE : v.phase(), v.outcome().db(), v.reason(), j.scores(), PIPELINE, null);
        }
    }

    /** Stores one decision made outside the pipeline (readers' reports, a moderator, a sanction). */
    public static void record(Handle h, long commentId, String phase, String outcome, String reason, String decidedBy, Long accountId) {
        insert(h, commentId, phase, outcome, reason, null, decidedBy, accountId);
    }

    private static void insert(Handle h, long commentId, String phase, String outcome, String reason, TextScores scores,
                               String decidedBy, Long accountId) {
        String json = "{}";
        if (scores != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("toxicity", scores.toxicity());
            m.put("spam", scores.spam());
            m.put("reasons", scores.reasons());
            try {
                json = JSON.writeValueAsString(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Jdbc.update(h, "insert into moderation_decision (comment_id, phase, outcome, reason, toxicity, spam, scores, decided_by, "
                        + "account_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                commentId, phase, outcome, reason == null ? "" : reason, scores == null ? null : scores.toxicity(),
                scores == null ? null : scores.spam(), json, decidedBy, accountId, System.currentTimeMillis());
    }

    /** A nullable number column (drivers differ on getObject with a type for NULL). */
    private static Double number(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static final String COLUMNS = "select id, comment_id, phase, outcome, reason, toxicity, spam, scores, decided_by, "
            + "account_id, created_at from moderation_decision";

    /** A comment's decisions, oldest first. */
    public List<Decision> forComment(long commentId) {
        return db.read(h -> h.createQuery(COLUMNS + " where comment_id = ? order by id").bind(0, commentId).map(Decisions::row).list());
    }

    /** The decisions of several comments (a page of the queue), each comment's oldest first. */
    public static Map<Long, List<Decision>> forComments(Handle h, List<Long> commentIds) {
        Map<Long, List<Decision>> out = new LinkedHashMap<>();
        if (commentIds.isEmpty()) return out;
        h.createQuery(COLUMNS + " where comment_id in (<ids>) order by id").bindList("ids", commentIds).map(Decisions::row)
                .forEach(d -> out.computeIfAbsent(d.commentId(), k -> new java.util.ArrayList<>()).add(d));
        return out;
    }

    /** The classifier's reasons stored with a decision's scores (the words or features that drove them). */
    public static List<String> reasons(Decision d) {
        try {
            var node = JSON.readTree(d.scores() == null ? "{}" : d.scores()).path("reasons");
            List<String> out = new java.util.ArrayList<>();
            node.forEach(n -> { if (n.isTextual() && !n.asText().isBlank()) out.add(n.asText()); });
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    private static Decision row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                number(rs, 6), number(rs, 7), rs.getString(8), rs.getString(9),
                number(rs, 10) == null ? null : rs.getLong(10), Instant.ofEpochMilli(rs.getLong(11)));
    }
}

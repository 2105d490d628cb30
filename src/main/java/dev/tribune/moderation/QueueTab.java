package dev.tribune.moderation;

import dev.tribune.domain.Refusal;

import java.util.Arrays;

/**
 * The tabs of the moderators' queue, each a condition on comments (alias c) of one site. The
 * queues to work through (pending, reported, held by rules) run oldest first; the records of
 * what was decided (rejected, recently approved) newest first. "Arrival" is what makes an item
 * new to a tab: its id, or for reported comments the time reports reached the threshold.
 */
public enum QueueTab {
    PENDING("Pending", "c.status = 'pending'", true, "c.id"),
    REPORTED("Reported", "c.reported_at is not null and c.status in ('published', 'pending')", true, "c.reported_at"),
    HELD_BY_RULES("Held by rules", "c.status = 'pending' and exists (select 1 from moderation_decision m where m.comment_id = c.id "
            + "and m.decided_by = 'pipeline' and m.outcome = 'hold' and not exists (select 1 from moderation_decision l "
            + "where l.comment_id = c.id and l.id > m.id and l.decided_by <> 'pipeline'))", true, "c.id"),
    REJECTED("Rejected", "c.status = 'rejected'", false, "c.id"),
    APPROVED("Recently approved", "c.status = 'published' and exists (select 1 from moderation_decision m where m.comment_id = c.id "
            + "and m.outcome = 'approve' and m.created_at > :approvedSince)", false, "c.id");

    /** How far back "recently approved" reaches. */
    public static final java.time.Duration RECENT = java.time.Duration.ofDays(7);

    private final String label;
    final String condition;
    final boolean oldestFirst;
    final String arrival;

    QueueTab(String label, String condition, boolean oldestFirst, String arrival) {
        this.label = label;
        this.condition = condition;
        this.oldestFirst = oldestFirst;
        this.arrival = arrival;
    }

    public String label() { return label; }

    /** The tab's name in URLs: "held-by-rules". */
    public String code() { return name().toLowerCase().replace('_', '-'); }

    public static QueueTab parse(String code) {
        if (code == null || code.isBlank()) return PENDING;
        return Arrays.stream(values()).filter(t -> t.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> Refusal.invalid("tab", "There is no queue tab '" + code + "'; choose pending, reported, "
                        + "held-by-rules, rejected or approved."));
    }

    boolean usesApprovedSince() { return this == APPROVED; }
}

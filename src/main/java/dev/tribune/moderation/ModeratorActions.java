package dev.tribune.moderation;

import dev.tribune.discussion.CommentRows;
import dev.tribune.discussion.CommentWriter;
import dev.tribune.domain.Account;
import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a moderator does to a comment or its writer: approve, reject with a reason code, hide,
 * restore, ban, suspend, hold everything. Status changes go through {@link CommentWriter#moderate}
 * (counts, numbers, events); each decision is then recorded with the comment, in the audit log
 * and, for approve/reject/hide/restore, as a labeled example for training.
 */
public final class ModeratorActions {
    /** Longest note a moderator can add to a decision. */
    public static final int MAX_NOTE_CHARS = 300;
    /** Longest suspension offered, in days. */
    public static final int MAX_SUSPENSION_DAYS = 365;

    private final Database db;
    private final CommentWriter writer;
    private final Sanctions sanctions;

    public ModeratorActions(Database db, CommentWriter writer, Sanctions sanctions) {
        this.db = db;
        this.writer = writer;
        this.sanctions = sanctions;
    }

    private record Target(Comment comment, String email) {}

    /** Publishes a held comment, or keeps a reported one up and clears its reports. */
    public void approve(long siteId, long commentId, Account by, String note) {
        decide(siteId, commentId, by, CommentStatus.PUBLISHED, AuditLog.Action.APPROVE, "approve", note(note), "");
    }

    /** Rejects a comment (held, reported or published) with a reason code and an optional note. */
    public void reject(long siteId, long commentId, Account by, ReportReason reason, String note) {
        decide(siteId, commentId, by, CommentStatus.REJECTED, AuditLog.Action.REJECT, "reject", note(note), reason.code());
    }

    /** The console's Hide: like reject, with a free-text reason. */
    public void hide(long siteId, long commentId, Account by, String note) {
        decide(siteId, commentId, by, CommentStatus.REJECTED, AuditLog.Action.HIDE, "reject", note(note), "");
    }

    /** The console's Restore (or Approve of a held comment). */
    public void restore(long siteId, long commentId, Account by, String note) {
        decide(siteId, commentId, by, CommentStatus.PUBLISHED, AuditLog.Action.RESTORE, "approve", note(note), "");
    }

    private void decide(long siteId, long commentId, Account by, CommentStatus to, AuditLog.Action action, String outcome,
                        String note, String code) {
        Target t = target(siteId, commentId);
        if (t.comment().status() == CommentStatus.DELETED) throw new Refusal(409, "deleted", "Its writer deleted this comment.");
        String why = code.isEmpty() ? note : note.isEmpty() ? code : code + ": " + note;
        // the reason kept on the comment is what the console shows: the moderator's words, else who decided
        String verb = switch (action) {
            case HIDE -> "hidden by ";
            case RESTORE -> "restored by ";
            case REJECT -> "rejected by ";
            default -> "approved by ";
        };
        writer.moderate(commentId, to, why.isEmpty() ? verb + by.displayName() : why);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", t.comment().status().db());
        detail.put("to", to.db());
        if (!code.isEmpty()) detail.put("code", code);
        db.update(h -> {
            // a decided comment leaves the Reported tab; later reports start counting again
            h.createUpdate("update comment set reported_at = null, report_count = 0 where id = ?").bind(0, commentId).execute();
            Decisions.record(h, commentId, Decisions.MODERATOR, outcome, why, "account:" + by.id(), by.id());
            ModeratorLabels.record(h, siteId, commentId, t.comment().bodyMd(), to == CommentStatus.REJECTED, code.isEmpty() ? action.db() : code, by.id());
            AuditLog.record(h, siteId, by, action, commentId, t.comment().authorName(), why, detail);
        });
    }

    /** Bans the writer of a comment by one of their identities; optionally rejects what they wrote before. */
    public int ban(long siteId, long commentId, Identity.Kind kind, Account by, String reason, boolean rejectEarlier) {
        return sanction(siteId, commentId, kind, by, reason, rejectEarlier, null);
    }

    /** Suspends the writer of a comment for some days. */
    public int suspend(long siteId, long commentId, Identity.Kind kind, Account by, String reason, boolean rejectEarlier, int days) {
        if (days < 1 || days > MAX_SUSPENSION_DAYS) {
            throw Refusal.invalid("days", "A suspension lasts from 1 to " + MAX_SUSPENSION_DAYS + " days.");
        }
        return sanction(siteId, commentId, kind, by, reason, rejectEarlier, Instant.now().plus(Duration.ofDays(days)));
    }

    private int sanction(long siteId, long commentId, Identity.Kind kind, Account by, String reason, boolean rejectEarlier, Instant until) {
        String why = note(reason);
        Target t = target(siteId, commentId);
        Identity who = identity(commentId, kind);
        Sanction s = until == null ? sanctions.ban(siteId, who, why, by.id(), false) : sanctions.suspend(siteId, who, until, why, by.id(), false);
        int rejected = rejectEarlier ? sanctions.rejectEarlier(siteId, who, until == null ? "banned" : "suspended", by.id()) : 0;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("identity", kind.db());
        detail.put("sanction", s.id());
        if (until != null) detail.put("until", until.toString());
        detail.put("earlierRejected", rejected);
        AuditLog.Action action = until == null ? AuditLog.Action.BAN : AuditLog.Action.SUSPEND;
        db.update(h -> AuditLog.record(h, siteId, by, action, commentId, t.comment().authorName(), why, detail));
        return rejected;
    }

    /** Holds everything the writer of a comment posts from now on, until lifted. */
    public void holdEverything(long siteId, long commentId, Identity.Kind kind, Account by, String reason) {
        String why = note(reason);
        Target t = target(siteId, commentId);
        Sanction s = sanctions.holdEverything(siteId, identity(commentId, kind), why, by.id());
        db.update(h -> AuditLog.record(h, siteId, by, AuditLog.Action.HOLD_EVERYTHING, commentId, t.comment().authorName(), why,
                Map.of("identity", kind.db(), "sanction", s.id())));
    }

    /** Lifts a ban, ends a suspension or stops holding a writer's comments, now. */
    public Sanction lift(long siteId, long sanctionId, Account by) {
        Sanction s = sanctions.active(siteId).stream().filter(x -> x.id() == sanctionId).findFirst()
                .orElseThrow(() -> Refusal.notFound("There is no sanction " + sanctionId + " in force on this site; it may have been lifted or run out."));
        sanctions.lift(siteId, sanctionId, by.id());
        String writer = sanctions.lastName(siteId, s.identity());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sanction", s.id());
        detail.put("kind", s.kind().db());
        detail.put("identity", s.identity().kind().db());
        if (s.until() != null) detail.put("until", s.until().toString());
        db.update(h -> AuditLog.record(h, siteId, by, AuditLog.Action.LIFT, null, writer,
                s.reason(), detail));
        return s;
    }

    private Identity identity(long commentId, Identity.Kind kind) {
        return sanctions.identitiesOf(commentId).stream().filter(i -> i.kind() == kind).findFirst()
                .orElseThrow(() -> Refusal.invalid("identity", "This commenter has no " + switch (kind) {
                    case ACCOUNT -> "account";
                    case EMAIL -> "email address";
                    case GUEST -> "browser token";
                    case IP -> "address";
                } + " to sanction; choose another identity."));
    }

    private Target target(long siteId, long commentId) {
        return db.read(h -> h.createQuery("select " + CommentRows.COLUMNS + ", c.author_email from comment c "
                        + "join discussion d on d.id = c.discussion_id where c.id = :id and d.site_id = :site")
                .bind("id", commentId).bind("site", siteId)
                .map((rs, ctx) -> new Target(CommentRows.COMMENT.map(rs, ctx), rs.getString("author_email"))).findOne())
                .orElseThrow(() -> Refusal.notFound("There is no comment " + commentId + " on this site."));
    }

    private static String note(String note) {
        String n = note == null ? "" : note.strip();
        if (n.length() > MAX_NOTE_CHARS) throw Refusal.invalid("reason", "A note can be at most " + MAX_NOTE_CHARS + " characters long.");
        return n;
    }
}

package dev.tribune.moderation;

import dev.tribune.discussion.CommentWriter;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;
import dev.tribune.store.Jdbc;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Bans, timed suspensions and "hold everything from this commenter", each on one identity on one
 * site; a ban or suspension can also reject everything the identity wrote there before.
 */
public final class Sanctions {
    private static final String COLUMNS = "id, site_id, kind, identity_kind, identity, reason, starts_at, ends_at, created_by";

    private final Database db;
    private final CommentWriter writer;

    public Sanctions(Database db, CommentWriter writer) {
        this.db = db;
        this.writer = writer;
    }

    /** Bans the identity from commenting on the site until the ban is lifted. */
    public Sanction ban(long siteId, Identity who, String reason, Long byAccount, boolean rejectEarlier) {
        return impose(siteId, Sanction.Kind.BAN, who, reason, null, byAccount, rejectEarlier);
    }

    /** Suspends the identity from commenting on the site until a time. */
    public Sanction suspend(long siteId, Identity who, Instant until, String reason, Long byAccount, boolean rejectEarlier) {
        if (until == null || !until.isAfter(Instant.now())) throw Refusal.invalid("until", "A suspension ends in the future.");
        return impose(siteId, Sanction.Kind.SUSPEND, who, reason, until, byAccount, rejectEarlier);
    }

    /** Holds everything the identity writes on the site for review (visible only to them until approved). */
    public Sanction holdEverything(long siteId, Identity who, String reason, Long byAccount) {
        return impose(siteId, Sanction.Kind.PREMODERATE, who, reason, null, byAccount, false);
    }

    private Sanction impose(long siteId, Sanction.Kind kind, Identity who, String reason, Instant until, Long byAccount,
                            boolean rejectEarlier) {
        long now = System.currentTimeMillis();
        Sanction s = db.write(h -> {
            long id = h.createQuery("insert into sanction (site_id, kind, identity_kind, identity, reason, starts_at, ends_at, created_by) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                    .bind(0, siteId).bind(1, kind.db()).bind(2, who.kind().db()).bind(3, who.value())
                    .bind(4, reason == null ? "" : reason.strip()).bind(5, now).bind(6, until == null ? null : until.toEpochMilli())
                    .bind(7, byAccount).mapTo(Long.class).one();
            return h.createQuery("select " + COLUMNS + " from sanction where id = ?").bind(0, id).map((rs, c) -> row(rs)).one();
        });
        if (rejectEarlier) rejectEarlier(siteId, who, kind == Sanction.Kind.BAN ? "banned" : "suspended", byAccount);
        return s;
    }

    /** Rejects the identity's published and held comments on the site; returns how many. */
    public int rejectEarlier(long siteId, Identity who, String why, Long byAccount) {
        String column = column(who.kind());
        List<Long> ids = db.read(h -> h.createQuery("select c.id from comment c join discussion d on d.id = c.discussion_id "
                        + "where d.site_id = ? and " + column + " = ? and c.status in ('published', 'pending') order by c.id")
                .bind(0, siteId).bind(1, who.value()).mapTo(Long.class).list());
        String reason = "Writer " + why + "; earlier comments rejected.";
        String decidedBy = byAccount == null ? Decisions.PIPELINE : "account:" + byAccount;
        for (long id : ids) {
            writer.moderate(id, CommentStatus.REJECTED, reason);
            db.update(h -> Decisions.record(h, id, Standing.NAME, "reject", reason, decidedBy, byAccount));
        }
        return ids.size();
    }

    /** The comment column holding one kind of identity. */
    private static String column(Identity.Kind kind) {
        return switch (kind) {
            case ACCOUNT -> "cast(c.account_id as text)";
            case EMAIL -> "lower(c.author_email)";
            case GUEST -> "c.guest_key";
            case IP -> "c.ip_hash";
        };
    }

    /** The name the identity last commented under on the site, "" when it never did. */
    public String lastName(long siteId, Identity who) {
        return db.read(h -> h.createQuery("select c.author_name from comment c join discussion d on d.id = c.discussion_id "
                        + "where d.site_id = ? and " + column(who.kind()) + " = ? order by c.id desc limit 1")
                .bind(0, siteId).bind(1, who.value()).mapTo(String.class).findOne().orElse(""));
    }

    /** Ends a sanction now. */
    public void lift(long siteId, long sanctionId, Long byAccount) {
        int n = db.write(h -> h.createUpdate("update sanction set lifted_at = ?, lifted_by = ? where id = ? and site_id = ? and lifted_at is null")
                .bind(0, System.currentTimeMillis()).bind(1, byAccount).bind(2, sanctionId).bind(3, siteId).execute());
        if (n == 0) throw Refusal.notFound("There is no active sanction " + sanctionId + ".");
    }

    /** The site's sanctions in force now, newest first. */
    public List<Sanction> active(long siteId) {
        long now = System.currentTimeMillis();
        return db.read(h -> h.createQuery("select " + COLUMNS + " from sanction where site_id = ? and lifted_at is null "
                        + "and starts_at <= ? and (ends_at is null or ends_at > ?) order by id desc")
                .bind(0, siteId).bind(1, now).bind(2, now).map((rs, c) -> row(rs)).list());
    }

    /** The identities a comment's writer can be sanctioned by (for the moderator's "ban" button). */
    public List<Identity> identitiesOf(long commentId) {
        return db.read(h -> h.createQuery("select account_id, author_email, guest_key, ip_hash from comment where id = ?")
                .bind(0, commentId).map((rs, c) -> {
                    List<Identity> out = new ArrayList<>();
                    long account = rs.getLong(1);
                    if (!rs.wasNull()) out.add(Identity.account(account));
                    if (rs.getString(2) != null && !rs.getString(2).isBlank()) out.add(Identity.email(rs.getString(2)));
                    if (rs.getString(3) != null) out.add(Identity.guest(rs.getString(3)));
                    if (rs.getString(4) != null) out.add(Identity.address(rs.getString(4)));
                    return out;
                }).findOne().orElseThrow(() -> Refusal.notFound("There is no comment " + commentId + ".")));
    }

    /** Every identity a writer shows on a request. */
    static List<Identity> identities(Commenter who, String email) {
        List<Identity> out = new ArrayList<>();
        if (who.account() != null) out.add(Identity.account(who.account().id()));
        if (who.guestKey() != null) out.add(Identity.guest(who.guestKey()));
        if (who.ipHash() != null) out.add(Identity.address(who.ipHash()));
        if (email != null && !email.isBlank()) out.add(Identity.email(email));
        return out;
    }

    /** Sanctions in force on any of these identities, refusing ones (longest first) before holding ones. */
    static List<Sanction> active(Handle h, long siteId, List<Identity> ids, Instant now) {
        if (ids.isEmpty()) return List.of();
        StringBuilder any = new StringBuilder();
        List<Object> args = new ArrayList<>(List.of(siteId, now.toEpochMilli(), now.toEpochMilli()));
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) any.append(" or ");
            any.append("(identity_kind = ? and identity = ?)");
            args.add(ids.get(i).kind().db());
            args.add(ids.get(i).value());
        }
        // Plain JDBC: every post asks this, and JDBI's setting up of the statement cost more than running it.
        return Jdbc.list(h, "select " + COLUMNS + " from sanction where site_id = ? and lifted_at is null "
                + "and starts_at <= ? and (ends_at is null or ends_at > ?) and (" + any + ") "
                + "order by case kind when 'ban' then 0 when 'suspend' then 1 else 2 end, ends_at desc", Sanctions::row, args.toArray());
    }

    private static Sanction row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long ends = rs.getLong(8);
        Instant until = rs.wasNull() ? null : Instant.ofEpochMilli(ends);
        long by = rs.getLong(9);
        Long byAccount = rs.wasNull() ? null : by;
        return new Sanction(rs.getLong(1), rs.getLong(2), Sanction.Kind.fromDb(rs.getString(3)),
                new Identity(Identity.Kind.fromDb(rs.getString(4)), rs.getString(5)), rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)), until, byAccount);
    }
}

package dev.tribune.moderation;

import dev.tribune.domain.Commenter;
import dev.tribune.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link History} read from the comment and sanction tables: through the database's readers, or
 * on one handle ({@link #on}), such as the transaction about to store a comment, which also sees
 * the comments stored before it in that transaction.
 */
public final class CommentHistory implements History {
    private static final String ON_SITE = " from comment c join discussion d on d.id = c.discussion_id where d.site_id = :site and ";

    /** Where the queries run. */
    private interface Reads {
        <T> T read(Function<Handle, T> work);
    }

    private final Reads db;

    public CommentHistory(Database db) {
        this.db = db::read;
    }

    private CommentHistory(Reads reads) {
        this.db = reads;
    }

    /** The history as this handle sees it, uncommitted changes of its transaction included. */
    public static History on(Handle h) {
        return new CommentHistory(new Reads() {
            @Override
            public <T> T read(Function<Handle, T> work) {
                return work.apply(h);
            }
        });
    }

    /** The SQL condition naming this writer's comments: account, else browser, else address alone. */
    static String writer(Commenter who) {
        if (who.account() != null) return "c.account_id = :account";
        if (who.guestKey() != null) return "c.guest_key = :guest";
        return "c.ip_hash = :ip and c.account_id is null and c.guest_key is null";
    }

    private static Query bindWriter(Query q, long siteId, Commenter who) {
        return q.bind("site", siteId).bind("account", who.accountId()).bind("guest", who.guestKey()).bind("ip", who.ipHash());
    }

    @Override
    public int postedSince(long siteId, Commenter who, Instant since) {
        return db.read(h -> bindWriter(h.createQuery("select count(*)" + ON_SITE + writer(who) + " and c.created_at > :since"), siteId, who)
                .bind("since", since.toEpochMilli()).mapTo(Integer.class).one());
    }

    @Override
    public int postedFromAddressSince(long siteId, String ipHash, Instant since) {
        return db.read(h -> h.createQuery("select count(*)" + ON_SITE + "c.ip_hash = :ip and c.created_at > :since")
                .bind("site", siteId).bind("ip", ipHash).bind("since", since.toEpochMilli()).mapTo(Integer.class).one());
    }

    @Override
    public Optional<Instant> lastPosted(long siteId, Commenter who) {
        return db.read(h -> bindWriter(h.createQuery("select max(c.created_at)" + ON_SITE + writer(who)), siteId, who)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    @Override
    public boolean postedSameText(long siteId, Commenter who, String body, Instant since) {
        return db.read(h -> bindWriter(h.createQuery("select count(*)" + ON_SITE + writer(who)
                        + " and c.created_at > :since and c.body_md = :body"), siteId, who)
                .bind("since", since.toEpochMilli()).bind("body", body.strip()).mapTo(Integer.class).one() > 0);
    }

    @Override
    public int othersPostedSameText(long siteId, Commenter who, String body, Instant since) {
        return db.read(h -> bindWriter(h.createQuery("select count(distinct coalesce(cast(c.account_id as text), c.guest_key, c.ip_hash))"
                        + ON_SITE + "(case when " + writer(who) + " then 1 else 0 end) = 0 and c.created_at > :since and c.body_md = :body"), siteId, who)
                .bind("since", since.toEpochMilli()).bind("body", body.strip()).mapTo(Integer.class).one());
    }

    @Override
    public int published(long siteId, Commenter who) {
        return db.read(h -> bindWriter(h.createQuery("select count(*)" + ON_SITE + writer(who) + " and c.status = 'published'"), siteId, who)
                .mapTo(Integer.class).one());
    }

    @Override
    public Optional<Sanction> sanction(long siteId, Commenter who, String email) {
        return db.read(h -> Sanctions.active(h, siteId, Sanctions.identities(who, email), Instant.now()).stream().findFirst());
    }
}

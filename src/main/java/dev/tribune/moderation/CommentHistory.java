package dev.tribune.moderation;

import dev.tribune.domain.Commenter;
import dev.tribune.store.Database;
import dev.tribune.store.Jdbc;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link History} read from the comment and sanction tables: through the database's readers, or
 * on one handle ({@link #on}), such as the transaction about to store a comment, which also sees
 * the comments stored before it in that transaction.
 */
public final class CommentHistory implements History {
    private static final String ON_SITE = " from comment c join discussion d on d.id = c.discussion_id where d.site_id = ? and ";

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

    /** The SQL condition naming this writer's comments: account, else browser, else address alone; one argument. */
    static String writer(Commenter who) {
        if (who.account() != null) return "c.account_id = ?";
        if (who.guestKey() != null) return "c.guest_key = ?";
        return "c.ip_hash = ? and c.account_id is null and c.guest_key is null";
    }

    /** The argument of {@link #writer}'s condition. */
    private static Object writerKey(Commenter who) {
        if (who.account() != null) return who.accountId();
        if (who.guestKey() != null) return who.guestKey();
        return who.ipHash();
    }

    // Plain JDBC (Jdbc): these run on every post, and JDBI's setting up of a statement cost more than running it.

    @Override
    public int postedSince(long siteId, Commenter who, Instant since) {
        return db.read(h -> (int) Jdbc.one(h, "select count(*)" + ON_SITE + writer(who) + " and c.created_at > ?",
                siteId, writerKey(who), since.toEpochMilli()));
    }

    @Override
    public int postedFromAddressSince(long siteId, String ipHash, Instant since) {
        return db.read(h -> (int) Jdbc.one(h, "select count(*)" + ON_SITE + "c.ip_hash = ? and c.created_at > ?",
                siteId, ipHash, since.toEpochMilli()));
    }

    @Override
    public Optional<Instant> lastPosted(long siteId, Commenter who) {
        return db.read(h -> Jdbc.first(h, "select max(c.created_at)" + ON_SITE + writer(who), rs -> Jdbc.longOrNull(rs, 1),
                siteId, writerKey(who)).map(Instant::ofEpochMilli));
    }

    @Override
    public boolean postedSameText(long siteId, Commenter who, String body, Instant since) {
        return db.read(h -> Jdbc.one(h, "select count(*)" + ON_SITE + writer(who) + " and c.created_at > ? and c.body_md = ?",
                siteId, writerKey(who), since.toEpochMilli(), body.strip()) > 0);
    }

    @Override
    public int othersPostedSameText(long siteId, Commenter who, String body, Instant since) {
        return db.read(h -> (int) Jdbc.one(h, "select count(distinct coalesce(cast(c.account_id as text), c.guest_key, c.ip_hash))"
                        + ON_SITE + "(case when " + writer(who) + " then 1 else 0 end) = 0 and c.created_at > ? and c.body_md = ?",
                siteId, writerKey(who), since.toEpochMilli(), body.strip()));
    }

    @Override
    public int published(long siteId, Commenter who) {
        return db.read(h -> (int) Jdbc.one(h, "select count(*)" + ON_SITE + writer(who) + " and c.status = 'published'",
                siteId, writerKey(who)));
    }

    @Override
    public Optional<Sanction> sanction(long siteId, Commenter who, String email) {
        return db.read(h -> Sanctions.active(h, siteId, Sanctions.identities(who, email), Instant.now()).stream().findFirst());
    }
}

package dev.tribune.discussion;

import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;
import dev.tribune.store.Jdbc;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds and creates discussions, and opens or closes them for new comments. */
public final class Discussions {
    private final Database db;
    private final java.util.function.Consumer<Long> afterChange;

    public Discussions(Database db) {
        this(db, discussionId -> { });
    }

    /** afterChange is told the discussion id after it was opened or closed (live streams). */
    public Discussions(Database db, java.util.function.Consumer<Long> afterChange) {
        this.db = db;
        this.afterChange = afterChange;
    }

    public Optional<Discussion> byId(long id) {
        return db.read(h -> find(h, id));
    }

    public Optional<Discussion> forArticle(long articleId) {
        return db.read(h -> h.createQuery("select " + CommentRows.DISCUSSION_COLUMNS + " from discussion where article_id = ?")
                .bind(0, articleId).map(CommentRows.DISCUSSION).findOne());
    }

    public Optional<Discussion> forPage(long siteId, String pageKey) {
        return db.read(h -> h.createQuery("select " + CommentRows.DISCUSSION_COLUMNS + " from discussion where site_id = ? and page_key = ?")
                .bind(0, siteId).bind(1, pageKey).map(CommentRows.DISCUSSION).findOne());
    }

    /** The discussion under an article, created with the article in the caller's transaction. */
    public static long createForArticle(Handle h, long siteId, long articleId, String title) {
        return h.createQuery("insert into discussion (site_id, page_key, article_id, title, created_at) "
                        + "values (?, ?, ?, ?, ?) returning id")
                .bind(0, siteId).bind(1, "article:" + articleId).bind(2, articleId).bind(3, title)
                .bind(4, System.currentTimeMillis()).mapTo(Long.class).one();
    }

    /** The discussion under any page of a site (embeds), created on first use. */
    public Discussion ensurePage(long siteId, String pageKey, String title, String url) {
        return db.write(h -> {
            Optional<Discussion> d = h.createQuery("select " + CommentRows.DISCUSSION_COLUMNS
                            + " from discussion where site_id = ? and page_key = ?")
                    .bind(0, siteId).bind(1, pageKey).map(CommentRows.DISCUSSION).findOne();
            if (d.isPresent()) return d.get();
            // Two first readers of a page on different PostgreSQL connections may both get here; one row results.
            h.createUpdate("insert into discussion (site_id, page_key, title, url, created_at) values (?, ?, ?, ?, ?) "
                            + "on conflict (site_id, page_key) do nothing")
                    .bind(0, siteId).bind(1, pageKey).bind(2, title).bind(3, url).bind(4, System.currentTimeMillis()).execute();
            return h.createQuery("select " + CommentRows.DISCUSSION_COLUMNS + " from discussion where site_id = ? and page_key = ?")
                    .bind(0, siteId).bind(1, pageKey).map(CommentRows.DISCUSSION).one();
        });
    }

    public void setOpen(long discussionId, boolean open) {
        db.update(h -> {
            int n = h.createUpdate("update discussion set open = ?, version = version + 1 where id = ?")
                    .bind(0, open ? 1 : 0).bind(1, discussionId).execute();
            if (n == 0) throw Refusal.notFound("There is no discussion " + discussionId + ".");
            EventLog.append(h, discussionId, open ? "discussion.opened" : "discussion.closed", null, "{}");
        });
        afterChange.accept(discussionId);
    }

    public void setPremoderated(long discussionId, boolean premoderated) {
        db.update(h -> h.createUpdate("update discussion set premoderated = ? where id = ?")
                .bind(0, premoderated ? 1 : 0).bind(1, discussionId).execute());
    }

    /** Published comment counts of a site's pages by key (count scripts); pages without a discussion are left out. */
    public Map<String, Integer> countsByPage(long siteId, Collection<String> pageKeys) {
        if (pageKeys.isEmpty()) return Map.of();
        return db.read(h -> {
            Map<String, Integer> counts = new HashMap<>();
            h.createQuery("select page_key, comment_count from discussion where site_id = :site and page_key in (<keys>)")
                    .bind("site", siteId).bindList("keys", List.copyOf(pageKeys))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    static Optional<Discussion> find(Handle h, long id) {
        // Plain JDBC: every post reads its discussion, and JDBI's setting up of a statement cost more than running it.
        return Jdbc.first(h, "select " + CommentRows.DISCUSSION_COLUMNS + " from discussion where id = ?",
                rs -> CommentRows.DISCUSSION.map(rs, null), id);
    }
}

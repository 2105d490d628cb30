package dev.tribune.discussion;

import dev.tribune.store.Database;

import java.time.Instant;
import java.util.List;

/** A signed-in reader's published comments, newest first, for their public page. */
public final class ReaderComments {
    public static final int PAGE = 50;

    /** One comment as the reader's page lists it: where it was written and its text. */
    public record Entry(long commentId, String pageTitle, String pageUrl, String bodyHtml, Instant createdAt) {}

    private final Database db;

    public ReaderComments(Database db) {
        this.db = db;
    }

    public List<Entry> published(long siteId, long accountId) {
        return db.read(h -> h.createQuery("select c.id, d.title, d.url, a.slug, a.headline, c.body_html, c.created_at from comment c "
                        + "join discussion d on d.id = c.discussion_id left join article a on a.id = d.article_id "
                        + "where c.account_id = ? and d.site_id = ? and c.status = 'published' order by c.created_at desc, c.id desc limit ?")
                .bind(0, accountId).bind(1, siteId).bind(2, PAGE)
                .map((rs, ctx) -> {
                    String slug = rs.getString("slug");
                    String title = slug != null ? rs.getString("headline") : rs.getString("title");
                    String url = slug != null ? "/articles/" + slug : rs.getString("url");
                    // A page address from an embed is shown as a link only when it is a web address.
                    if (!url.matches("(https?://|/)[^\\s\"'<>]*")) url = "/c/" + rs.getLong("id");
                    return new Entry(rs.getLong("id"), title, url,
                            rs.getString("body_html"), Instant.ofEpochMilli(rs.getLong("created_at")));
                }).list());
    }
}

package dev.tribune.publishing;

import dev.tribune.search.Highlight;
import dev.tribune.search.SearchQuery;
import dev.tribune.store.Database;
import dev.tribune.store.SearchSql;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers' search over a site's published articles (headline, standfirst, body and tags), best
 * match first, with the headline and a passage of the body highlighted as safe HTML.
 */
public final class ArticleSearch {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    /** One found article; headlineHtml and snippetHtml are escaped text with matched words in {@code <mark>}. */
    public record Hit(long id, String slug, String headline, String headlineHtml, String snippetHtml, String standfirst,
                      Instant publishedAt, String authorName, String authorSlug, int commentCount) {}

    private final Database db;
    private final SearchSql sql;

    public ArticleSearch(Database db) {
        this.db = db;
        this.sql = SearchSql.of(db);
    }

    public List<Hit> find(long siteId, SearchQuery q, int limit) {
        if (q.isEmpty()) return List.of();
        int n = Math.max(1, Math.min(limit, MAX_LIMIT));
        String query = sql.query(q.terms());
        long now = System.currentTimeMillis();
        String ranked = sql.articleHits() + "select a.id, a.slug, a.headline, a.standfirst, a.published_at, "
                + "au.name as au_name, au.slug as au_slug, d.comment_count from " + sql.joinHits("article", "a")
                + " join discussion d on d.article_id = a.id left join author au on au.id = a.author_id"
                + " where a.site_id = :site and a.published_at is not null and a.published_at <= :now"
                + " order by hits.rank, a.published_at desc, a.id desc limit :n";
        return db.read(h -> {
            List<Hit> plain = h.createQuery(ranked).bind("query", query).bind("site", siteId).bind("now", now).bind("n", n)
                    .map((rs, ctx) -> new Hit(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), null, null,
                            rs.getString("standfirst"), Instant.ofEpochMilli(rs.getLong("published_at")),
                            rs.getString("au_name"), rs.getString("au_slug"), rs.getInt("comment_count")))
                    .list();
            if (plain.isEmpty()) return plain;
            // Marking up only the page of hits keeps the cost of a common word to one page of snippets.
            Map<Long, String[]> marks = new HashMap<>();
            h.createQuery(sql.articleMarks()).bind("query", query)
                    .bind("open", String.valueOf(Highlight.OPEN)).bind("close", String.valueOf(Highlight.CLOSE))
                    .bindList("ids", plain.stream().map(Hit::id).toList())
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"),
                            new String[] {rs.getString("headline_marked"), rs.getString("snippet_marked")}))
                    .forEach(e -> marks.put(e.getKey(), e.getValue()));
            return plain.stream().map(p -> {
                String[] m = marks.getOrDefault(p.id(), new String[] {p.headline(), ""});
                return new Hit(p.id(), p.slug(), p.headline(), Highlight.html(m[0] == null ? p.headline() : m[0]),
                        Highlight.html(m[1]), p.standfirst(), p.publishedAt(), p.authorName(), p.authorSlug(), p.commentCount());
            }).toList();
        });
    }
}

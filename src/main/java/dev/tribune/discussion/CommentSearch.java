package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.search.Highlight;
import dev.tribune.search.SearchQuery;
import dev.tribune.store.Database;
import dev.tribune.store.SearchSql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search over a site's comments. Readers find published comments under published articles;
 * staff find comments in any status by their words, the writer's name, the article's title
 * and status. Words rank by relevance; without words, the newest come first.
 */
public final class CommentSearch {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    /** Name and title filters are plain "contains" text, cut to this length. */
    public static final int MAX_FILTER_CHARS = 100;

    /**
     * What staff ask for: words (may be empty), part of the writer's name, part of the article's
     * title, and a status (null: all). Readers' searches are published-only by construction.
     */
    public record Filter(SearchQuery words, String author, String article, CommentStatus status) {
        public Filter {
            author = trim(author);
            article = trim(article);
        }

        public boolean isEmpty() {
            return words.isEmpty() && author.isEmpty() && article.isEmpty();
        }

        private static String trim(String s) {
            // Control characters match no name or title, and PostgreSQL refuses a NUL outright.
            String t = s == null ? "" : s.replaceAll("\\p{Cntrl}", "").strip();
            return t.length() > MAX_FILTER_CHARS ? t.substring(0, MAX_FILTER_CHARS) : t;
        }
    }

    /** One found comment with where it stands; snippetHtml and nameHtml are escaped with matches in {@code <mark>}. */
    public record Hit(Comment comment, String snippetHtml, String nameHtml, String discussionTitle, String articleSlug) {}

    private final Database db;
    private final SearchSql sql;

    public CommentSearch(Database db) {
        this.db = db;
        this.sql = SearchSql.of(db);
    }

    /** Published comments on the site's published pages that contain every word. */
    public List<Hit> forReaders(long siteId, SearchQuery words, int limit) {
        if (words.isEmpty()) return List.of();
        return find(siteId, new Filter(words, null, null, CommentStatus.PUBLISHED), true, limit);
    }

    /** Comments in any status (or the filter's one), for the staff console. */
    public List<Hit> forStaff(long siteId, Filter filter, int limit) {
        if (filter.isEmpty()) return List.of();
        return find(siteId, filter, false, limit);
    }

    private List<Hit> find(long siteId, Filter f, boolean readers, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIMIT));
        boolean words = !f.words().isEmpty();
        String query = words ? sql.query(f.words().terms()) : null;
        StringBuilder where = new StringBuilder(" where d.site_id = :site");
        if (f.status() != null) where.append(" and c.status = :status");
        if (!f.author().isEmpty()) where.append(" and lower(c.author_name) like :author escape '!'");
        if (!f.article().isEmpty()) where.append(" and lower(d.title) like :article escape '!'");
        if (readers) where.append(" and (d.article_id is null or (a.published_at is not null and a.published_at <= :now))");
        String ranked = (words ? sql.commentHits() : "") + "select " + CommentRows.COLUMNS + ", d.title as d_title, a.slug as a_slug from "
                + (words ? sql.joinHits("comment", "c") : "comment c")
                + " join discussion d on d.id = c.discussion_id left join article a on a.id = d.article_id" + where
                + " order by " + (words ? "hits.rank, " : "") + "c.created_at desc, c.id desc limit :n";
        return db.read(h -> {
            var stmt = h.createQuery(ranked).bind("site", siteId).bind("n", n);
            if (words) stmt.bind("query", query);
            if (f.status() != null) stmt.bind("status", f.status().db());
            if (!f.author().isEmpty()) stmt.bind("author", contains(f.author()));
            if (!f.article().isEmpty()) stmt.bind("article", contains(f.article()));
            if (readers) stmt.bind("now", System.currentTimeMillis());
            List<Hit> plain = stmt.map((rs, ctx) -> new Hit(CommentRows.COMMENT.map(rs, ctx), null, null,
                    rs.getString("d_title"), rs.getString("a_slug"))).list();
            if (plain.isEmpty() || !words) {
                // Without words there is nothing to mark: the page shows the comment itself.
                return plain.stream().map(p -> new Hit(p.comment(), null, Highlight.html(p.comment().authorName()),
                        p.discussionTitle(), p.articleSlug())).toList();
            }
            Map<Long, String[]> marks = new HashMap<>();
            h.createQuery(sql.commentMarks()).bind("query", query)
                    .bind("open", String.valueOf(Highlight.OPEN)).bind("close", String.valueOf(Highlight.CLOSE))
                    .bindList("ids", plain.stream().map(p -> p.comment().id()).toList())
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"),
                            new String[] {rs.getString("snippet_marked"), rs.getString("name_marked")}))
                    .forEach(e -> marks.put(e.getKey(), e.getValue()));
            List<Hit> out = new ArrayList<>(plain.size());
            for (Hit p : plain) {
                String[] m = marks.getOrDefault(p.comment().id(), new String[] {p.comment().bodyMd(), p.comment().authorName()});
                out.add(new Hit(p.comment(), Highlight.html(m[0]), Highlight.html(m[1] == null ? p.comment().authorName() : m[1]),
                        p.discussionTitle(), p.articleSlug()));
            }
            return out;
        });
    }

    /**
     * A LIKE pattern for "contains", with the user's own % and _ taken literally. Only A-Z are
     * lowered, as lower() does on both databases, so that both match the same names.
     */
    private static String contains(String text) {
        StringBuilder lowered = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) lowered.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        // '!' escapes rather than a backslash, which JDBI's statement parser would read as its own escape.
        String t = lowered.toString().replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + t + "%";
    }
}

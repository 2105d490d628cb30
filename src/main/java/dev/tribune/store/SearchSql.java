package dev.tribune.store;

/**
 * The full-text search statements that differ between SQLite (FTS5, bm25, snippet) and
 * PostgreSQL (tsvector, ts_rank_cd, ts_headline). Features build the rest of their query in
 * shared SQL around these pieces. Every piece takes the query text as :query; ranks order
 * best first when sorted ascending on both databases.
 */
public enum SearchSql {
    SQLITE {
        @Override public String query(java.util.List<String> terms) {
            StringBuilder s = new StringBuilder();
            for (String t : terms) s.append(s.isEmpty() ? "" : " ").append('"').append(t.replace("\"", "")).append("\"*");
            return s.toString();
        }

        // Materialized, because SQLite's planner would otherwise loop over the site's rows and run
        // the full-text query once per row (measured: 70 ms instead of 0.5 ms on the demo newsroom).
        // Columns: headline, standfirst, body, tags; the same weights as the PostgreSQL A/B/D.
        @Override public String articleHits() {
            return "with hits (id, rank) as materialized (select rowid, bm25(search_article, 10.0, 4.0, 1.0, 4.0) "
                    + "from search_article where search_article match :query) ";
        }

        @Override public String articleMarks() {
            return "select rowid as id, highlight(search_article, 0, :open, :close) as headline_marked, "
                    + "snippet(search_article, 2, :open, :close, '…', " + SNIPPET_WORDS + ") as snippet_marked "
                    + "from search_article where search_article match :query and rowid in (<ids>)";
        }

        @Override public String commentHits() {
            return "with hits (id, rank) as materialized (select rowid, bm25(search_comment, 1.0, 4.0) "
                    + "from search_comment where search_comment match :query) ";
        }

        // CROSS JOIN is SQLite's way to fix the loop order: the hits outside, then rows by primary
        // key, rather than every row of the site probing the hits.
        @Override public String joinHits(String table, String alias) {
            return "hits cross join " + table + " " + alias + " on " + alias + ".id = hits.id";
        }

        @Override public String commentMarks() {
            return "select rowid as id, snippet(search_comment, 0, :open, :close, '…', " + SNIPPET_WORDS + ") as snippet_marked, "
                    + "highlight(search_comment, 1, :open, :close) as name_marked "
                    + "from search_comment where search_comment match :query and rowid in (<ids>)";
        }
    },
    POSTGRESQL {
        @Override public String query(java.util.List<String> terms) {
            StringBuilder s = new StringBuilder();
            for (String t : terms) s.append(s.isEmpty() ? "" : " & ").append(t.replaceAll("[^\\p{L}\\p{N}\\p{M}]", "")).append(":*");
            return s.toString();
        }

        @Override public String articleHits() {
            return "with hits (id, rank) as (select a.id, -ts_rank_cd(a.search_document, q) "
                    + "from article a, to_tsquery('simple', :query) q where a.search_document @@ q) ";
        }

        @Override public String articleMarks() {
            return "select a.id, ts_headline('simple', a.headline, q, " + HEADLINE_OPTIONS + ") as headline_marked, "
                    + "ts_headline('simple', a.body_md, q, " + SNIPPET_OPTIONS + ") as snippet_marked "
                    + "from article a, to_tsquery('simple', :query) q where a.id in (<ids>)";
        }

        @Override public String commentHits() {
            return "with hits (id, rank) as (select c.id, -ts_rank_cd(c.search_document, q) "
                    + "from comment c, to_tsquery('simple', :query) q where c.search_document @@ q) ";
        }

        @Override public String joinHits(String table, String alias) {
            return "hits join " + table + " " + alias + " on " + alias + ".id = hits.id";
        }

        @Override public String commentMarks() {
            return "select c.id, ts_headline('simple', c.body_md, q, " + SNIPPET_OPTIONS + ") as snippet_marked, "
                    + "ts_headline('simple', c.author_name, q, " + HEADLINE_OPTIONS + ") as name_marked "
                    + "from comment c, to_tsquery('simple', :query) q where c.id in (<ids>)";
        }
    };

    /** About as many words around the matches in a snippet on both databases. */
    static final int SNIPPET_WORDS = 24;
    // The markers are bound as :open and :close so that no odd character sits in the SQL text.
    private static final String HEADLINE_OPTIONS = "'HighlightAll=true, StartSel=' || :open || ', StopSel=' || :close";
    private static final String SNIPPET_OPTIONS = "'MaxFragments=2, MaxWords=" + SNIPPET_WORDS + ", MinWords=8, FragmentDelimiter=\" … \", "
            + "StartSel=' || :open || ', StopSel=' || :close";

    public static SearchSql of(Database db) {
        return db.kind() == Database.Kind.SQLITE ? SQLITE : POSTGRESQL;
    }

    /** The query text to bind as :query: every term required, each matched as a word prefix. */
    public abstract String query(java.util.List<String> terms);

    /**
     * A WITH clause naming {@code hits(id, rank)}: the articles matching :query, rank lower for
     * better matches. The statement then joins article to hits and orders by hits.rank.
     */
    public abstract String articleHits();

    /** FROM clause: hits joined to a table's rows by id, hits in the outer loop. */
    public abstract String joinHits(String table, String alias);

    /** id, headline_marked and snippet_marked of the articles listed as {@code <ids>}, matched words between :open and :close. */
    public abstract String articleMarks();

    /** A WITH clause naming {@code hits(id, rank)}: the comments matching :query, as {@link #articleHits}. */
    public abstract String commentHits();

    /** id, snippet_marked and name_marked of the comments listed as {@code <ids>}. */
    public abstract String commentMarks();
}

package dev.tribune.store;

/**
 * The full-text search statements that differ between SQLite (FTS5, bm25, snippet) and
 * PostgreSQL (tsvector, ts_rank_cd, ts_headline). Features build the rest of their query in
 * shared SQL around these pieces. Every piece takes the query text as :query; a rank
 * expression orders best first when sorted ascending on both databases.
 */
public enum SearchSql {
    SQLITE {
        @Override public String query(java.util.List<String> terms) {
            StringBuilder s = new StringBuilder();
            for (String t : terms) s.append(s.isEmpty() ? "" : " ").append('"').append(t.replace("\"", "")).append("\"*");
            return s.toString();
        }

        @Override public String articleFrom() { return "search_article join article a on a.id = search_article.rowid"; }

        @Override public String articleMatch() { return "search_article match :query"; }

        // Columns: headline, standfirst, body, tags; the same weights as the PostgreSQL A/B/D.
        @Override public String articleRank() { return "bm25(search_article, 10.0, 4.0, 1.0, 4.0)"; }

        @Override public String articleMarks() {
            return "select rowid as id, highlight(search_article, 0, :open, :close) as headline_marked, "
                    + "snippet(search_article, 2, :open, :close, '…', " + SNIPPET_WORDS + ") as snippet_marked "
                    + "from search_article where search_article match :query and rowid in (<ids>)";
        }

        @Override public String commentFrom() { return "search_comment join comment c on c.id = search_comment.rowid"; }

        @Override public String commentMatch() { return "search_comment match :query"; }

        @Override public String commentRank() { return "bm25(search_comment, 1.0, 4.0)"; }

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

        @Override public String articleFrom() { return "article a"; }

        @Override public String articleMatch() { return "a.search_document @@ to_tsquery('simple', :query)"; }

        @Override public String articleRank() { return "-ts_rank_cd(a.search_document, to_tsquery('simple', :query))"; }

        @Override public String articleMarks() {
            return "select a.id, ts_headline('simple', a.headline, q, " + HEADLINE_OPTIONS + ") as headline_marked, "
                    + "ts_headline('simple', a.body_md, q, " + SNIPPET_OPTIONS + ") as snippet_marked "
                    + "from article a, to_tsquery('simple', :query) q where a.id in (<ids>)";
        }

        @Override public String commentFrom() { return "comment c"; }

        @Override public String commentMatch() { return "c.search_document @@ to_tsquery('simple', :query)"; }

        @Override public String commentRank() { return "-ts_rank_cd(c.search_document, to_tsquery('simple', :query))"; }

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

    /** FROM clause with the article table as {@code a}. */
    public abstract String articleFrom();

    /** WHERE condition: the article matches :query. */
    public abstract String articleMatch();

    /** Relevance of a matching article; lower sorts first. */
    public abstract String articleRank();

    /** id, headline_marked and snippet_marked of the articles listed as {@code <ids>}, matched words between :open and :close. */
    public abstract String articleMarks();

    /** FROM clause with the comment table as {@code c}. */
    public abstract String commentFrom();

    /** WHERE condition: the comment matches :query. */
    public abstract String commentMatch();

    /** Relevance of a matching comment; lower sorts first. */
    public abstract String commentRank();

    /** id, snippet_marked and name_marked of the comments listed as {@code <ids>}. */
    public abstract String commentMarks();
}

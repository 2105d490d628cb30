package dev.tribune.web;

import dev.tribune.discussion.CommentSearch;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Refusal;
import dev.tribune.publishing.ArticleSearch;
import dev.tribune.search.SearchQuery;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers' search: the /search page (server-rendered, works without JavaScript) and its JSON
 * twins under /api/v1/search. Whatever is typed is reduced to words, so no query fails.
 */
public final class SearchPages implements HttpService {
    private final ArticleSearch articles;
    private final CommentSearch comments;
    private final Visitors visitors;
    private final Templates templates;

    public SearchPages(ArticleSearch articles, CommentSearch comments, Visitors visitors, Templates templates) {
        this.articles = articles;
        this.comments = comments;
        this.visitors = visitors;
        this.templates = templates;
    }

    /** A found article as the API gives it; the *Html fields are escaped text with {@code <mark>} around matches. */
    record ArticleHitJson(String slug, String headline, String headlineHtml, String snippetHtml, String url,
                          Instant publishedAt, String author, int commentCount) {
        static ArticleHitJson of(ArticleSearch.Hit h) {
            return new ArticleHitJson(h.slug(), h.headline(), h.headlineHtml(), h.snippetHtml(), "/articles/" + h.slug(),
                    h.publishedAt(), h.authorName(), h.commentCount());
        }
    }

    /** A found published comment as the API gives it. */
    record CommentHitJson(long id, String author, String snippetHtml, String url, String articleTitle, String articleUrl,
                          Instant createdAt) {
        static CommentHitJson of(CommentSearch.Hit h) {
            Comment c = h.comment();
            return new CommentHitJson(c.id(), c.authorName(), h.snippetHtml(), "/c/" + c.id(), h.discussionTitle(),
                    h.articleSlug() == null ? null : "/articles/" + h.articleSlug(), c.createdAt());
        }
    }

    record ArticleResults(String query, List<String> terms, List<ArticleHitJson> articles) {}

    record CommentResults(String query, List<String> terms, List<CommentHitJson> comments) {}

    @Override
    public void routing(HttpRules rules) {
        rules.get("/search", this::page)
                .get("/api/v1/search/articles", this::articlesJson)
                .get("/api/v1/search/comments", this::commentsJson);
    }

    private void page(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        SearchQuery q = SearchQuery.parse(Responses.query(req, "q"));
        Map<String, Object> p = new HashMap<>();
        p.put("site", v.site());
        p.put("query", q);
        p.put("articles", articles.find(v.site().id(), q, ArticleSearch.DEFAULT_LIMIT));
        p.put("comments", comments.forReaders(v.site().id(), q, CommentSearch.DEFAULT_LIMIT));
        shared(res);
        Responses.html(res, 200, templates.render("search.jte", p));
    }

    private void articlesJson(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        SearchQuery q = SearchQuery.parse(Responses.query(req, "q"));
        int limit = limit(req, ArticleSearch.DEFAULT_LIMIT, ArticleSearch.MAX_LIMIT);
        List<ArticleHitJson> found = articles.find(v.site().id(), q, limit).stream().map(ArticleHitJson::of).toList();
        shared(res);
        Responses.json(res, 200, new ArticleResults(q.typed(), q.terms(), found));
    }

    private void commentsJson(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        SearchQuery q = SearchQuery.parse(Responses.query(req, "q"));
        int limit = limit(req, CommentSearch.DEFAULT_LIMIT, CommentSearch.MAX_LIMIT);
        List<CommentHitJson> found = comments.forReaders(v.site().id(), q, limit).stream().map(CommentHitJson::of).toList();
        shared(res);
        Responses.json(res, 200, new CommentResults(q.typed(), q.terms(), found));
    }

    /** Results are the same for every reader, so a CDN may share them briefly. */
    private static void shared(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=10, stale-while-revalidate=30");
    }

    static int limit(ServerRequest req, int fallback, int max) {
        String raw = Responses.query(req, "limit");
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw Refusal.invalid("limit", "limit must be a number from 1 to " + max + ".");
    }
}

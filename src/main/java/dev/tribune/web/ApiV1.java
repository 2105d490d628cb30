package dev.tribune.web;

import dev.tribune.discussion.CommentNode;
import dev.tribune.discussion.CommentWriter;
import dev.tribune.discussion.Discussions;
import dev.tribune.discussion.Limits;
import dev.tribune.discussion.NewComment;
import dev.tribune.discussion.Posted;
import dev.tribune.discussion.Sort;
import dev.tribune.discussion.ThreadPage;
import dev.tribune.discussion.ThreadReader;
import dev.tribune.discussion.Votes;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import dev.tribune.publishing.Newsroom;
import dev.tribune.web.ApiJson.ArticleJson;
import dev.tribune.web.ApiJson.CommentJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API under /api/v1: articles, threads a page at a time, and posting, editing,
 * deleting and voting through the same services as the pages. Errors are problem+json.
 */
public final class ApiV1 implements HttpService {
    static final int DEFAULT_ARTICLES = 20;
    static final int MAX_ARTICLES = 100;

    private final Newsroom newsroom;
    private final Discussions discussions;
    private final ThreadReader threads;
    private final CommentWriter writer;
    private final Votes votes;
    private final Visitors visitors;
    private final ThreadCache cache;
    private final ArticleIndex index;

    public ApiV1(Newsroom newsroom, Discussions discussions, ThreadReader threads, CommentWriter writer, Votes votes, Visitors visitors,
                 ThreadCache cache, ArticleIndex index) {
        this.newsroom = newsroom;
        this.discussions = discussions;
        this.threads = threads;
        this.writer = writer;
        this.votes = votes;
        this.visitors = visitors;
        this.cache = cache;
        this.index = index;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/articles", this::articles)
                .get("/api/v1/articles/{slug}", this::article)
                .get("/api/v1/articles/{slug}/comments", (req, res) -> thread(req, res, articleDiscussion(req)))
                .post("/api/v1/articles/{slug}/comments", (req, res) -> post(req, res, articleDiscussion(req)))
                .get("/api/v1/discussions/{id}/comments", (req, res) -> thread(req, res, discussion(req)))
                .post("/api/v1/discussions/{id}/comments", (req, res) -> post(req, res, discussion(req)))
                .get("/api/v1/discussions/{id}/me", this::me)
                .get("/api/v1/comments/{id}", this::comment)
                .patch("/api/v1/comments/{id}", this::edit)
                .delete("/api/v1/comments/{id}", this::delete)
                .post("/api/v1/comments/{id}/vote", this::vote);
    }

    /** Answers any /api/ path no area claimed with 404; registered after every area. */
    public static HttpService unknownEndpoints() {
        return rules -> rules.any("/api/*", ApiV1::noSuchEndpoint);
    }

    private void articles(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        int limit = limit(req, DEFAULT_ARTICLES, MAX_ARTICLES, false);
        List<ArticleJson> out = newsroom.latest(v.site().id(), limit).stream()
                .map(l -> ArticleJson.of(l.article(), l.author(), l.discussionId(), l.commentCount(), l.commentsOpen(), false))
                .toList();
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=10, stale-while-revalidate=30");
        Responses.json(res, 200, new ApiJson.ArticleList(out));
    }

    private void article(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Article a = publishedArticle(v, req.path().pathParameters().get("slug"));
        Discussion d = discussions.forArticle(a.id()).orElseThrow();
        Author author = a.authorId() == null ? null : newsroom.authorById(a.authorId()).orElse(null);
        shared(res, v);
        Responses.json(res, 200, ArticleJson.of(a, author, d.id(), d.commentCount(), d.open(), true));
    }

    private void thread(ServerRequest req, ServerResponse res, Discussion d) {
        Visitor v = visitors.of(req);
        Sort sort = Sort.parse(Responses.query(req, "sort"));
        int limit = limit(req, Limits.PAGE_SIZE, Limits.MAX_PAGE_SIZE, true);
        if (!v.hasPersonalState()) {
            // Anonymous readers all get the same bytes: serve them ready-made, asking the database nothing.
            String cursor = Responses.query(req, "cursor");
            ThreadCache.Key key = new ThreadCache.Key(d.id(), d.version(), sort.param(), cursor, limit, "json");
            cache.serve(req, res, key, ThreadCache.JSON, () -> Responses.write(ApiJson.ThreadJson.of(
                    threads.page(d.id(), sort, cursor, limit, null, null))));
            return;
        }
        ThreadPage page = threads.page(d.id(), sort, Responses.query(req, "cursor"), limit, v.guestKey(), v.commenter().accountId());
        shared(res, v);
        Responses.json(res, 200, ApiJson.ThreadJson.of(page));
    }

    private void comment(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Comment c = visibleComment(v, commentId(req));
        CommentNode n = node(c, v).orElseThrow(() -> Refusal.notFound("There is no comment " + c.id() + "."));
        shared(res, v);
        Responses.json(res, 200, CommentJson.of(n).single(c.discussionId(), null));
    }

    private void post(ServerRequest req, ServerResponse res, Discussion d) {
        Visitor v = visitors.of(req);
        visitors.checkCsrf(req, v, null);
        JsonBody in = JsonBody.read(req);
        String name = in.text("name");
        String email = in.text("email");
        String body = in.text("body");
        Long parentId = in.id("parentId");
        boolean confirm = in.flag("confirm");
        in.check();
        Visitor me = visitors.withBrowserToken(v, res);
        NewComment typed = new NewComment(d.id(), parentId, name, email, body, me.commenter(), confirm);
        Posted p = keepingNoCookieOnRefusal(v, res, () -> writer.post(typed));
        Comment c = p.comment();
        String note = p.verdict().passes() ? null : "Your comment is held for review before it appears: " + p.verdict().reason();
        // Answered from what was stored: a new comment has no replies and no votes yet.
        CommentJson json = CommentJson.of(p.asShownToWriter());
        res.header(HeaderNames.LOCATION, "/api/v1/comments/" + c.id());
        Responses.noStore(res);
        Responses.json(res, 201, json.single(c.discussionId(), note));
    }

    private void edit(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Comment c = visibleComment(v, commentId(req));
        visitors.checkCsrf(req, v, null);
        JsonBody in = JsonBody.read(req);
        String body = in.text("body");
        in.check();
        Comment saved = writer.edit(c.id(), body, v.commenter());
        CommentJson json = node(saved, v).map(CommentJson::of).orElseGet(() -> CommentJson.of(lone(saved)));
        String note = saved.status() == CommentStatus.PENDING && c.status() == CommentStatus.PUBLISHED
                ? "Your edited comment is held for review before it appears again." : null;
        Responses.noStore(res);
        Responses.json(res, 200, json.single(saved.discussionId(), note));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Comment c = visibleComment(v, commentId(req));
        visitors.checkCsrf(req, v, null);
        writer.delete(c.id(), v.commenter());
        res.status(Status.NO_CONTENT_204);
        Responses.noStore(res);
        res.send();
    }

    private void vote(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Comment c = visibleComment(v, commentId(req));
        visitors.checkCsrf(req, v, null);
        JsonBody in = JsonBody.read(req);
        Integer value = in.integer("value", "value must be 1 (up), -1 (down) or 0 (withdraw).");
        in.check();
        Visitor me = visitors.withBrowserToken(v, res);
        Votes.Tally t = keepingNoCookieOnRefusal(v, res, () -> votes.vote(c.id(), value, me.commenter()));
        Responses.noStore(res);
        Responses.json(res, 200, ApiJson.TallyJson.of(t));
    }

    /** The viewer's votes, edit rights and own comments: the personal layer over a shared thread. */
    private void me(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Discussion d = discussion(req);
        Map<String, Integer> myVotes = new LinkedHashMap<>();
        List<Long> editable = new ArrayList<>();
        List<Long> mine = new ArrayList<>();
        if (v.hasPersonalState()) {
            votes.mine(d.id(), v.commenter()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> myVotes.put(Long.toString(e.getKey()), e.getValue()));
            Instant now = Instant.now();
            for (Comment c : threads.writtenBy(d.id(), v.guestKey(), v.commenter().accountId())) {
                mine.add(c.id());
                if (now.isBefore(c.createdAt().plus(Limits.EDIT_WINDOW))) editable.add(c.id());
            }
        }
        Responses.noStore(res);
        Responses.json(res, 200, new ApiJson.MeJson(myVotes, editable, mine));
    }

    private static void noSuchEndpoint(ServerRequest req, ServerResponse res) {
        throw Refusal.notFound("There is no API endpoint " + req.prologue().method().text() + " " + req.path().path()
                + "; see docs/api.md.");
    }

    /** A refused first post or vote leaves nothing behind, not even a new browser cookie. */
    private static <T> T keepingNoCookieOnRefusal(Visitor before, ServerResponse res, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (Refusal r) {
            if (before.guestKey() == null) {
                res.headers().remove(HeaderNames.SET_COOKIE);
                res.headers().remove(Visitors.BROWSER_HEADER);
            }
            throw r;
        }
    }

    /**
     * The comment as the viewer sees it in its thread, with its replies: read as the one-comment
     * oldest-first page that starts at its top-level comment, so visibility rules stay in one place.
     */
    private Optional<CommentNode> node(Comment c, Visitor v) {
        ThreadPage p = threads.page(c.discussionId(), Sort.OLDEST, Long.toString(c.rootId() - 1), 1, v.guestKey(),
                v.commenter().accountId());
        return find(p.comments(), c.id());
    }

    private static Optional<CommentNode> find(List<CommentNode> nodes, long id) {
        for (CommentNode n : nodes) {
            if (n.comment().id() == id) return Optional.of(n);
            Optional<CommentNode> deeper = find(n.replies(), id);
            if (deeper.isPresent()) return deeper;
        }
        return Optional.empty();
    }

    /** A comment outside any shown thread (under a held parent, say), answered to its own writer. */
    private static CommentNode lone(Comment c) {
        return new CommentNode(c, List.of(), Math.min(c.depth(), Limits.MAX_INDENT_DEPTH), null,
                c.status() == CommentStatus.DELETED, c.status() == CommentStatus.PENDING);
    }

    private Discussion articleDiscussion(ServerRequest req) {
        Visitor v = visitors.of(req);
        Article a = publishedArticle(v, req.path().pathParameters().get("slug"));
        return index.forArticle(a.id()).orElseThrow();
    }

    private Discussion discussion(ServerRequest req) {
        Visitor v = visitors.of(req);
        String raw = req.path().pathParameters().get("id");
        Long id = ArticlePages.parseId(raw);
        Refusal missing = Refusal.notFound("There is no discussion " + raw + ".");
        if (id == null) throw missing;
        Discussion d = index.discussion(id).orElseThrow(() -> missing);
        if (!visible(v, d)) throw missing;
        return d;
    }

    /** A comment the viewer may see: on this site, under a visible page, not hidden, held ones only to their writer. */
    private Comment visibleComment(Visitor v, long id) {
        Refusal missing = Refusal.notFound("There is no comment " + id + ".");
        Comment c = threads.comment(id).orElseThrow(() -> missing);
        Discussion d = discussions.byId(c.discussionId()).orElseThrow(() -> missing);
        if (!visible(v, d) || c.status() == CommentStatus.REJECTED) throw missing;
        if (c.status() == CommentStatus.PENDING && !v.commenter().wrote(c)) throw missing;
        return c;
    }

    /** A discussion of this site whose article (if any) is published, or any of the site's to its staff. */
    private boolean visible(Visitor v, Discussion d) {
        if (d.siteId() != v.site().id()) return false;
        if (d.articleId() == null || v.isStaff()) return true;
        return index.article(d.articleId()).map(Article::isPublished).orElse(false);
    }

    private Article publishedArticle(Visitor v, String slug) {
        Article a = index.bySlug(v.site().id(), slug).orElse(null);
        if (a == null || (!a.isPublished() && !v.isStaff())) {
            throw Refusal.notFound("There is no article '" + slug + "' on " + v.site().name() + ".");
        }
        return a;
    }

    private static long commentId(ServerRequest req) {
        String raw = req.path().pathParameters().get("id");
        Long id = ArticlePages.parseId(raw);
        if (id == null) throw Refusal.notFound("There is no comment " + raw + ".");
        return id;
    }

    /** The limit query parameter: a number in 1..max, or "all" (0) where the whole thread may be asked for. */
    private static int limit(ServerRequest req, int fallback, int max, boolean allowAll) {
        String raw = Responses.query(req, "limit");
        if (raw == null || raw.isBlank()) return fallback;
        if (allowAll && raw.strip().equalsIgnoreCase("all")) return 0;
        String message = "limit must be a number from 1 to " + max + (allowAll ? " (or 'all')." : ".");
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw Refusal.invalid("limit", message);
    }

    /** Anonymous reads may be cached and shared; anything personal must not be. */
    private static void shared(ServerResponse res, Visitor v) {
        if (v.hasPersonalState()) {
            Responses.noStore(res);
        } else {
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=5, stale-while-revalidate=30");
        }
    }
}

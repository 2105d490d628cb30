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
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.HashMap;
import java.util.Map;

/**
 * The reader's pages: front page, article with its discussion, author page, permalinks, and the
 * plain-form versions of posting, replying, voting, editing and deleting (they work without JavaScript).
 */
public final class ArticlePages implements HttpService {
    private final Newsroom newsroom;
    private final Discussions discussions;
    private final ThreadReader threads;
    private final CommentWriter writer;
    private final Votes votes;
    private final Visitors visitors;
    private final Templates templates;
    private final ThreadCache cache;
    private final ArticleIndex index;

    public ArticlePages(Newsroom newsroom, Discussions discussions, ThreadReader threads, CommentWriter writer, Votes votes,
                        Visitors visitors, Templates templates, ThreadCache cache, ArticleIndex index) {
        this.newsroom = newsroom;
        this.discussions = discussions;
        this.threads = threads;
        this.writer = writer;
        this.votes = votes;
        this.visitors = visitors;
        this.templates = templates;
        this.cache = cache;
        this.index = index;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::front)
                .get("/articles/{slug}", this::article)
                .get("/articles/{slug}/thread", this::threadFragment)
                .post("/articles/{slug}/comments", this::post)
                .get("/authors/{slug}", this::author)
                .get("/c/{id}", this::permalink)
                .post("/c/{id}/vote", this::vote)
                .get("/c/{id}/edit", this::editForm)
                .post("/c/{id}/edit", this::edit)
                .post("/c/{id}/delete", this::delete);
    }

    private void front(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        byte[] html = templates.render("front.jte", Map.of("site", v.site(), "articles", newsroom.latest(v.site().id(), 30)));
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=10, stale-while-revalidate=30");
        Responses.html(res, 200, html);
    }

    private void author(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Author a = newsroom.author(v.site().id(), req.path().pathParameters().get("slug"))
                .orElseThrow(() -> Refusal.notFound("There is no such author on " + v.site().name() + "."));
        Responses.html(res, 200, templates.render("author.jte", Map.of("site", v.site(), "author", a,
                "articles", newsroom.byAuthor(v.site().id(), a.id(), 100))));
    }

    private void article(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Article a = publishedArticle(v, req.path().pathParameters().get("slug"));
        Long replyTo = parseId(Responses.query(req, "reply"));
        if (!v.hasPersonalState() && replyTo == null) {
            // Anonymous readers all get the same bytes: serve them ready-made, asking the database nothing.
            Discussion d = index.forArticle(a.id()).orElseThrow();
            Sort sort = Sort.parse(Responses.query(req, "sort"));
            ThreadCache.Key key = new ThreadCache.Key(d.id(), d.version(), sort.param(), Responses.query(req, "after"),
                    Limits.PAGE_SIZE, "html");
            res.header(Responses.REFERRER_POLICY);
            cache.serve(req, res, key, ThreadCache.HTML,
                    () -> templates.render("article.jte", "view", view(req, v, a, CommentForm.EMPTY, null)));
            return;
        }
        render(req, res, v, a, CommentForm.EMPTY, replyTo, 200);
    }

    /** The list items of one page of the thread, for the page script's "load more" and live refresh. */
    private void threadFragment(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Article a = publishedArticle(v, req.path().pathParameters().get("slug"));
        ArticleView view = view(req, v, a, CommentForm.EMPTY, null);
        StringBuilder out = new StringBuilder();
        for (CommentNode n : view.thread().comments()) {
            out.append(new String(templates.render("comment.jte", Map.of("view", view, "node", n)), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (view.thread().nextCursor() != null) res.header("X-Next-Cursor", view.thread().nextCursor());
        res.header("X-Comment-Count", Integer.toString(view.commentCount()));
        Responses.noStore(res);
        Responses.html(res, 200, Responses.bytes(out.toString()));
    }

    private void render(ServerRequest req, ServerResponse res, Visitor v, Article a, CommentForm form, Long replyTo, int status) {
        ArticleView view = view(req, v, a, form, replyTo);
        byte[] html = templates.render("article.jte", "view", view);
        if (v.hasPersonalState() || status != 200) {
            Responses.noStore(res);
        } else {
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=5, stale-while-revalidate=30");
        }
        Responses.html(res, status, html);
    }

    private ArticleView view(ServerRequest req, Visitor v, Article a, CommentForm form, Long replyTo) {
        // Only the id is taken from the index (it never changes); the page reads the discussion itself.
        long discussionId = index.forArticle(a.id()).orElseThrow().id();
        Sort sort = Sort.parse(Responses.query(req, "sort"));
        ThreadPage page = threads.page(discussionId, sort, Responses.query(req, "after"), Limits.PAGE_SIZE, v.guestKey(),
                v.commenter().accountId());
        Author author = a.authorId() == null ? null : newsroom.authorById(a.authorId()).orElse(null);
        Map<Long, Integer> mine = v.guestKey() != null || v.staff() != null || v.reader() != null ? votes.mine(discussionId, v.commenter()) : Map.of();
        return new ArticleView(v.site(), a, author, page, form, replyTo, mine, v);
    }

    private void post(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Article a = publishedArticle(v, req.path().pathParameters().get("slug"));
        Map<String, String> f = Forms.parse(req);
        Long parentId = parseId(f.get("parentId"));
        CommentForm typed = new CommentForm(f.getOrDefault("name", ""), f.getOrDefault("email", ""), f.getOrDefault("body", ""),
                parentId, null, Map.of());
        try {
            visitors.checkCsrf(req, v, f.get("csrf"));
            if (f.containsKey("parentId") && parentId == null) throw Refusal.invalid("parentId", "That reply target is not a comment id.");
            Discussion d = discussions.forArticle(a.id()).orElseThrow();
            Visitor me = visitors.withBrowserToken(v, res);
            boolean confirm = "1".equals(f.get("confirm"));
            Posted p = writer.post(new NewComment(d.id(), parentId, typed.name(), typed.email(), typed.body(), me.commenter(), confirm));
            Responses.redirect(res, "/c/" + p.comment().id());
        } catch (Refusal r) {
            // The typed text goes back into the reply form when its comment is on the page, else into the main form.
            Long shownUnder = parentId != null && isReplyable(a, parentId) ? parentId : null;
            CommentForm again = new CommentForm(typed.name(), typed.email(), typed.body(), shownUnder, r.detail(), r.fields(),
                    r.type().equals("nudge"));
            render(req, res, v, a, again, shownUnder, r.status());
        }
    }

    private void permalink(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        long id = pathId(req);
        ThreadReader.Location loc = threads.locate(id).filter(l -> l.discussion().siteId() == v.site().id())
                .filter(l -> l.comment().status() != CommentStatus.PENDING || v.commenter().wrote(l.comment()))
                .orElseThrow(() -> Refusal.notFound("There is no comment " + id + " to show."));
        Article a = newsroom.byId(loc.discussion().articleId() == null ? -1 : loc.discussion().articleId())
                .orElseThrow(() -> Refusal.notFound("That comment is not under an article of this site."));
        Responses.redirect(res, "/articles/" + a.slug() + (loc.cursor() == null ? "" : "?after=" + loc.cursor()) + "#comment-" + id);
    }

    private void vote(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        long id = pathId(req);
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        int value;
        try {
            value = Integer.parseInt(f.getOrDefault("value", ""));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("value", "A vote is 1 (up), -1 (down) or 0 (withdraw).");
        }
        siteComment(v, id);
        votes.vote(id, value, visitors.withBrowserToken(v, res).commenter());
        Responses.redirect(res, "/c/" + id);
    }

    private void editForm(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Comment c = siteComment(v, pathId(req));
        if (!v.commenter().wrote(c)) throw Refusal.forbidden("Only the writer of a comment can edit it.");
        Responses.noStore(res);
        Responses.html(res, 200, editPage(v, c, c.bodyMd(), null));
    }

    private void edit(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Comment c = siteComment(v, pathId(req));
        Map<String, String> f = Forms.parse(req);
        String body = f.getOrDefault("body", "");
        try {
            visitors.checkCsrf(req, v, f.get("csrf"));
            writer.edit(c.id(), body, v.commenter());
            Responses.redirect(res, "/c/" + c.id());
        } catch (Refusal r) {
            Responses.noStore(res);
            Responses.html(res, r.status(), editPage(v, c, body, r.detail()));
        }
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Visitor v = visitors.of(req);
        Comment c = siteComment(v, pathId(req));
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        writer.delete(c.id(), v.commenter());
        Article a = articleOf(c);
        Responses.redirect(res, "/articles/" + a.slug() + "#comments");
    }

    private byte[] editPage(Visitor v, Comment c, String body, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("site", v.site());
        p.put("comment", c);
        p.put("body", body);
        p.put("error", error);
        p.put("backLink", "/c/" + c.id());
        // Staff act with a session cookie, so their edit form must echo the session's CSRF token.
        p.put("csrf", v.staff() == null ? "" : v.staff().csrfToken());
        return templates.render("edit.jte", p);
    }

    private boolean isReplyable(Article a, long parentId) {
        long discussion = discussions.forArticle(a.id()).orElseThrow().id();
        return threads.comment(parentId).filter(c -> c.discussionId() == discussion && c.status() == CommentStatus.PUBLISHED).isPresent();
    }

    /** The comment, when it belongs to a discussion of the visitor's site. */
    private Comment siteComment(Visitor v, long id) {
        Comment c = threads.comment(id).orElseThrow(() -> Refusal.notFound("There is no comment " + id + "."));
        Discussion d = discussions.byId(c.discussionId()).orElseThrow();
        if (d.siteId() != v.site().id()) throw Refusal.notFound("There is no comment " + id + ".");
        return c;
    }

    private Article articleOf(Comment c) {
        Discussion d = discussions.byId(c.discussionId()).orElseThrow();
        return newsroom.byId(d.articleId() == null ? -1 : d.articleId()).orElseThrow(() -> Refusal.notFound("No article."));
    }

    private Article publishedArticle(Visitor v, String slug) {
        Article a = index.bySlug(v.site().id(), slug).orElse(null);
        if (a == null || (!a.isPublished() && !v.isStaff())) {
            throw Refusal.notFound("There is no article '" + slug + "' on " + v.site().name() + ".");
        }
        return a;
    }


    static long pathId(ServerRequest req) {
        Long id = parseId(req.path().pathParameters().get("id"));
        if (id == null) throw Refusal.notFound("There is no comment " + req.path().pathParameters().get("id") + ".");
        return id;
    }

    static Long parseId(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

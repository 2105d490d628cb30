package dev.tribune.web;

import dev.tribune.discussion.CommentSearch;
import dev.tribune.discussion.RecentComments;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Refusal;
import dev.tribune.moderation.ModeratorActions;
import dev.tribune.search.SearchQuery;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.HashMap;
import java.util.Map;

/**
 * The console's comments area: the site's latest comments in every status, a search by words,
 * writer, article and status, and Hide and Restore (both audited) on both.
 */
public final class AdminComments implements HttpService {
    /** The status filters offered, in the order shown; "all" first. */
    public static final String[] FILTERS = {"all", "published", "pending", "rejected", "deleted"};
    public static final int MAX_REASON_CHARS = 300;

    private final RecentComments recent;
    private final CommentSearch search;
    private final ModeratorActions actions;
    private final StaffOnly door;
    private final Visitors visitors;
    private final Templates templates;

    public AdminComments(RecentComments recent, CommentSearch search, ModeratorActions actions, Visitors visitors, Templates templates) {
        this.recent = recent;
        this.search = search;
        this.actions = actions;
        this.visitors = visitors;
        this.templates = templates;
        this.door = new StaffOnly(visitors);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/comments", this::list)
                .get("/admin/comments/search", this::search)
                .post("/admin/comments/{id}/hide", (req, res) -> moderate(req, res, CommentStatus.REJECTED))
                .post("/admin/comments/{id}/restore", (req, res) -> moderate(req, res, CommentStatus.PUBLISHED));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        String filter = filter(req);
        CommentStatus status = status(filter);
        RecentComments.Page page = recent.page(v.site().id(), status, Responses.query(req, "before"), RecentComments.PAGE_SIZE);
        Map<String, Object> p = new HashMap<>();
        p.put("console", Console.of(v, "comments"));
        p.put("page", page);
        p.put("filter", filter);
        p.put("here", req.path().rawPath() + (req.query().rawValue().isEmpty() ? "" : "?" + req.query().rawValue()));
        Responses.html(res, 200, templates.render("admin/comments.jte", p));
    }

    /** Staff search: any of words, writer's name, article title, with a status filter; results carry Hide and Restore. */
    private void search(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        String filter = filter(req);
        CommentSearch.Filter f = new CommentSearch.Filter(SearchQuery.parse(Responses.query(req, "q")),
                Responses.query(req, "author"), Responses.query(req, "article"), status(filter));
        Map<String, Object> p = new HashMap<>();
        p.put("console", Console.of(v, "comments"));
        p.put("filter", filter);
        p.put("search", f);
        p.put("hits", search.forStaff(v.site().id(), f, CommentSearch.MAX_LIMIT));
        p.put("here", req.path().rawPath() + (req.query().rawValue().isEmpty() ? "" : "?" + req.query().rawValue()));
        Responses.noStore(res);
        Responses.html(res, 200, templates.render("admin/comment-search.jte", p));
    }

    private static String filter(ServerRequest req) {
        String filter = Responses.query(req, "status");
        return filter == null || filter.isBlank() ? "all" : filter;
    }

    private static CommentStatus status(String filter) {
        return switch (filter) {
            case "all" -> null;
            case "published", "pending", "rejected", "deleted" -> CommentStatus.fromDb(filter);
            default -> throw Refusal.invalid("status", "Show comments by status: all, published, pending, rejected or deleted.");
        };
    }

    private void moderate(ServerRequest req, ServerResponse res, CommentStatus to) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        StaffOnly.allow(v.staff().account().role().canModerate(),
                "Only moderators and admins hide or restore comments; you are signed in as a "
                        + v.staff().account().role().label().toLowerCase() + ".");
        long id = ArticlePages.pathId(req);
        RecentComments.Entry e = recent.find(v.site().id(), id)
                .orElseThrow(() -> Refusal.notFound("There is no comment " + id + " on this site."));
        String reason = f.getOrDefault("reason", "").strip();
        if (reason.length() > MAX_REASON_CHARS) {
            throw Refusal.invalid("reason", "A reason can be at most " + MAX_REASON_CHARS + " characters long.");
        }
        if (e.comment().status() != to) {
            if (to == CommentStatus.REJECTED) actions.hide(v.site().id(), id, v.staff().account(), reason);
            else actions.restore(v.site().id(), id, v.staff().account(), reason);
        }
        Responses.redirect(res, StaffOnly.localPath(f.get("back"), "/admin/comments") + "#c" + id);
    }
}

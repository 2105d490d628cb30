package dev.tribune.web;

import dev.tribune.discussion.CommentWriter;
import dev.tribune.discussion.Discussions;
import dev.tribune.domain.Article;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import dev.tribune.publishing.Newsroom;
import dev.tribune.store.Database;
import dev.tribune.text.Markdown;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin console at /admin, staff only: the articles of the site, the article editor
 * (write, preview, publish now or later, unpublish) and each article's comment settings.
 */
public final class AdminPages implements HttpService {
    /** Articles listed on the console's front page, newest first. */
    public static final int ARTICLES_LISTED = 200;

    private final Newsroom newsroom;
    private final Discussions discussions;
    private final CommentWriter writer;
    private final Database db;
    private final Visitors visitors;
    private final Templates templates;
    private final StaffOnly door;

    public AdminPages(Newsroom newsroom, Discussions discussions, CommentWriter writer, Database db, Visitors visitors, Templates templates) {
        this.newsroom = newsroom;
        this.discussions = discussions;
        this.writer = writer;
        this.db = db;
        this.visitors = visitors;
        this.templates = templates;
        this.door = new StaffOnly(visitors);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin", this::list)
                .get("/admin/articles/new", this::newForm)
                .post("/admin/articles", this::create)
                .post("/admin/preview", this::preview)
                .get("/admin/articles/{id}", this::editForm)
                .post("/admin/articles/{id}", this::update)
                .post("/admin/articles/{id}/comments", this::setOpen)
                .post("/admin/articles/{id}/premoderation", this::setPremoderated);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Map<String, Object> p = new HashMap<>();
        p.put("console", Console.of(v, "articles"));
        p.put("articles", newsroom.all(v.site().id(), ARTICLES_LISTED));
        Responses.html(res, 200, templates.render("admin/articles.jte", p));
    }

    private void newForm(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        mayEdit(v);
        editor(res, v, null, ArticleForm.blank(), null, 200);
    }

    private void editForm(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Article a = siteArticle(v, req);
        String note = Responses.query(req, "saved") != null ? "Saved." : null;
        editor(res, v, a, ArticleForm.of(a), note, 200);
    }

    private void create(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        save(req, res, v, null);
    }

    private void update(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        save(req, res, v, siteArticle(v, req));
    }

    /** Creates or updates from the editor form; any refusal shows the form again with what was typed. */
    private void save(ServerRequest req, ServerResponse res, Visitor v, Article old) {
        Map<String, String> f = Forms.parse(req);
        ArticleForm typed = ArticleForm.typed(f);
        try {
            visitors.checkCsrf(req, v, f.get("csrf"));
            mayEdit(v);
            if ("preview".equals(f.get("action"))) {
                editor(res, v, old, typed.withPreview(Markdown.article(typed.body())), null, 200);
                return;
            }
            Newsroom.ArticleDraft draft = new Newsroom.ArticleDraft(typed.slug(), typed.headline(), typed.standfirst(), typed.body(),
                    authorId(typed.authorId()), tags(typed.tags()), publishedAt(typed, old));
            Article saved = old == null ? newsroom.create(v.site().id(), draft) : newsroom.update(old.id(), draft);
            Responses.redirect(res, "/admin/articles/" + saved.id() + "?saved=1");
        } catch (Refusal r) {
            editor(res, v, old, typed.withMessage(r.detail(), r.fields()), null, r.status());
        }
    }

    /** The live preview of the editor's script: the body rendered exactly as publishing would, nothing saved. */
    private void preview(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        mayEdit(v);
        Responses.html(res, 200, Responses.bytes(Markdown.article(f.getOrDefault("body", ""))));
    }

    private void setOpen(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Article a = siteArticle(v, req);
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        mayModerate(v, "close or reopen comments");
        Discussion d = discussions.forArticle(a.id()).orElseThrow();
        discussions.setOpen(d.id(), flag(f, "open"));
        Responses.redirect(res, StaffOnly.localPath(f.get("back"), "/admin/articles/" + a.id()));
    }

    private void setPremoderated(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Article a = siteArticle(v, req);
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        mayModerate(v, "turn premoderation on or off");
        Discussion d = discussions.forArticle(a.id()).orElseThrow();
        discussions.setPremoderated(d.id(), flag(f, "on"));
        Responses.redirect(res, StaffOnly.localPath(f.get("back"), "/admin/articles/" + a.id()));
    }

    private void editor(ServerResponse res, Visitor v, Article a, ArticleForm form, String note, int status) {
        Map<String, Object> p = new HashMap<>();
        p.put("console", Console.of(v, "articles"));
        p.put("article", a);
        p.put("discussion", a == null ? null : discussions.forArticle(a.id()).orElse(null));
        p.put("authors", newsroom.authors(v.site().id()));
        p.put("form", form);
        p.put("note", note);
        Responses.noStore(res);
        Responses.html(res, status, templates.render("admin/article.jte", p));
    }

    private static void mayEdit(Visitor v) {
        StaffOnly.allow(v.staff().account().role().canEditArticles(),
                "Only journalists and admins write and publish articles; you are signed in as a "
                        + v.staff().account().role().label().toLowerCase() + ".");
    }

    private static void mayModerate(Visitor v, String what) {
        StaffOnly.allow(v.staff().account().role().canModerate(),
                "Only moderators and admins " + what + "; you are signed in as a "
                        + v.staff().account().role().label().toLowerCase() + ".");
    }

    private Article siteArticle(Visitor v, ServerRequest req) {
        String raw = req.path().pathParameters().get("id");
        Long id = ArticlePages.parseId(raw);
        return (id == null ? java.util.Optional.<Article>empty() : newsroom.byId(id))
                .filter(a -> a.siteId() == v.site().id())
                .orElseThrow(() -> Refusal.notFound("There is no article " + raw + " on " + v.site().name() + "."));
    }

    /** When the article goes (or stays) live, from the editor's publication choice. */
    private static Instant publishedAt(ArticleForm form, Article old) {
        return switch (form.publication()) {
            case "keep" -> old == null ? null : old.publishedAt();
            case "draft" -> null;
            case "now" -> Instant.now().truncatedTo(ChronoUnit.SECONDS);
            case "at" -> {
                try {
                    yield LocalDateTime.parse(form.publishAt().strip()).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw Refusal.invalid("publishAt", "Give the publication time as a date and time (UTC), like 2026-05-03T09:30.");
                }
            }
            default -> throw Refusal.invalid("publication", "Choose draft, publish now, or a publication time.");
        };
    }

    private static Long authorId(String raw) {
        if (raw == null || raw.isBlank()) return null;
        Long id = ArticlePages.parseId(raw);
        if (id == null) throw Refusal.invalid("authorId", "Choose an author from the list.");
        return id;
    }

    private static List<String> tags(String raw) {
        return raw == null ? List.of() : Arrays.stream(raw.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static boolean flag(Map<String, String> f, String name) {
        String value = f.getOrDefault(name, "");
        if (!value.equals("1") && !value.equals("0")) throw Refusal.invalid(name, name + " must be 1 or 0.");
        return value.equals("1");
    }
}

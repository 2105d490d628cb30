package dev.tribune.web;

import dev.tribune.moderation.ModeratorActions;
import dev.tribune.moderation.Sanction;
import dev.tribune.moderation.Sanctions;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bans, suspensions and holds in force at /admin/sanctions (admins and moderators), each with
 * whom it names and a button that lifts it; lifting goes to the audit log.
 */
public final class AdminSanctions implements HttpService {
    /** One row of the page: the sanction and the name its writer last commented under. */
    public record Row(Sanction sanction, String writer) {}

    private final Sanctions sanctions;
    private final ModeratorActions actions;
    private final Visitors visitors;
    private final Templates templates;
    private final StaffOnly door;

    public AdminSanctions(Sanctions sanctions, ModeratorActions actions, Visitors visitors, Templates templates) {
        this.sanctions = sanctions;
        this.actions = actions;
        this.visitors = visitors;
        this.templates = templates;
        this.door = new StaffOnly(visitors);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/sanctions", this::show)
                .post("/admin/sanctions/{id}/lift", this::lift);
    }

    private Visitor moderator(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v != null) AdminQueue.mayModerate(v);
        return v;
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visitor v = moderator(req, res);
        if (v == null) return;
        long site = v.site().id();
        List<Row> rows = sanctions.active(site).stream().map(s -> new Row(s, sanctions.lastName(site, s.identity()))).toList();
        Map<String, Object> p = new HashMap<>();
        p.put("console", Console.of(v, "sanctions"));
        p.put("rows", rows);
        p.put("done", done(Responses.query(req, "done")));
        Responses.html(res, 200, templates.render("admin/sanctions.jte", p));
    }

    private void lift(ServerRequest req, ServerResponse res) {
        Visitor v = moderator(req, res);
        if (v == null) return;
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        Sanction s = actions.lift(v.site().id(), ArticlePages.pathId(req), v.staff().account());
        Responses.redirect(res, "/admin/sanctions?done=" + s.kind().db());
    }

    /** What a sanction's button says. */
    public static String liftLabel(Sanction s) {
        return switch (s.kind()) {
            case BAN -> "Lift ban";
            case SUSPEND -> "End suspension";
            case PREMODERATE -> "Stop holding";
        };
    }

    /** How the identity reads on the page: hashes shortened, emails and account numbers whole. */
    public static String identity(Sanction s) {
        String v = s.identity().value();
        return switch (s.identity().kind()) {
            case ACCOUNT -> "account #" + v;
            case EMAIL -> "email " + v;
            case GUEST -> "browser " + (v.length() > 10 ? v.substring(0, 10) + "…" : v);
            case IP -> "address " + (v.length() > 10 ? v.substring(0, 10) + "…" : v);
        };
    }

    private static String done(String code) {
        if (code == null) return null;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ban", "The ban is lifted; the commenter can post again.");
        m.put("suspend", "The suspension has ended; the commenter can post again.");
        m.put("premoderate", "This commenter's comments are no longer held.");
        return m.get(code);
    }
}

package dev.tribune.web;

import dev.tribune.domain.Account;
import dev.tribune.domain.Refusal;
import dev.tribune.moderation.Identity;
import dev.tribune.moderation.ModerationQueue;
import dev.tribune.moderation.ModeratorActions;
import dev.tribune.moderation.QueueTab;
import dev.tribune.moderation.ReportReason;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moderators' queue at /admin/queue (admins and moderators): tabs with counts, each item's
 * context, approve, reject with a reason code, ban, suspend, hold everything, bulk decisions, and
 * a small JSON answer the page polls to say that new items arrived. Plain forms work without script.
 */
public final class AdminQueue implements HttpService {
    private final ModerationQueue queue;
    private final ModeratorActions actions;
    private final Visitors visitors;
    private final Templates templates;
    private final StaffOnly door;

    public AdminQueue(ModerationQueue queue, ModeratorActions actions, Visitors visitors, Templates templates) {
        this.queue = queue;
        this.actions = actions;
        this.visitors = visitors;
        this.templates = templates;
        this.door = new StaffOnly(visitors);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/queue", this::show)
                .get("/admin/queue/news", this::news)
                .post("/admin/queue/bulk", this::bulk)
                .post("/admin/queue/{id}/approve", this::approve)
                .post("/admin/queue/{id}/reject", this::reject)
                .post("/admin/queue/{id}/sanction", this::sanction);
    }

    private Visitor moderator(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v != null) mayModerate(v);
        return v;
    }

    static void mayModerate(Visitor v) {
        StaffOnly.allow(v.staff().account().role().canModerate(), "Only moderators and admins work the moderation queue; you are signed in as a "
                + v.staff().account().role().label().toLowerCase() + ".");
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visitor v = moderator(req, res);
        if (v == null) return;
        QueueTab tab = QueueTab.parse(Responses.query(req, "tab"));
        Long after = ArticlePages.parseId(Responses.query(req, "after"));
        Map<String, Object> p = new HashMap<>();
        p.put("console", Console.of(v, "queue"));
        p.put("tab", tab);
        p.put("counts", queue.counts(v.site().id()));
        p.put("page", queue.page(v.site().id(), tab, after, ModerationQueue.PAGE_SIZE));
        p.put("done", done(Responses.query(req, "done")));
        p.put("here", "/admin/queue?tab=" + tab.code() + (after == null ? "" : "&after=" + after));
        Responses.html(res, 200, templates.render("admin/queue.jte", p));
    }

    /** What the page's script polls: every tab's count and how many items arrived in this tab since the page was drawn. */
    private void news(ServerRequest req, ServerResponse res) {
        Visitor v = moderator(req, res);
        if (v == null) return;
        QueueTab tab = QueueTab.parse(Responses.query(req, "tab"));
        long marker;
        try {
            marker = Long.parseLong(String.valueOf(Responses.query(req, "marker")).strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("marker", "Give the marker the queue page was drawn with.");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        queue.counts(v.site().id()).forEach((t, n) -> counts.put(t.code(), n));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tab", tab.code());
        body.put("arrived", queue.arrivedSince(v.site().id(), tab, marker));
        body.put("counts", counts);
        Responses.json(res, 200, body);
    }

    private void approve(ServerRequest req, ServerResponse res) {
        Visitor v = moderator(req, res);
        if (v == null) return;
        Map<String, String> f = checked(req, v);
        actions.approve(v.site().id(), ArticlePages.pathId(req), me(v), f.get("note"));
        back(res, f, "approved");
    }

    private void reject(ServerRequest req, ServerResponse res) {
        Visitor v = moderator(req, res);
        if (v == null) return;
        Map<String, String> f = checked(req, v);
        actions.reject(v.site().id(), ArticlePages.pathId(req), me(v), ReportReason.parse(f.get("reason")), f.get("note"));
        back(res, f, "rejected");
    }

    private void sanction(ServerRequest req, ServerResponse res) {
        Visitor v = moderator(req, res);
        if (v == null) return;
        Map<String, String> f = checked(req, v);
        long id = ArticlePages.pathId(req);
        Identity.Kind kind = identity(f.get("identity"));
        boolean earlier = "1".equals(f.get("rejectEarlier"));
        String kindOf = f.getOrDefault("kind", "");
        switch (kindOf) {
            case "ban" -> actions.ban(v.site().id(), id, kind, me(v), f.get("reason"), earlier);
            case "suspend" -> actions.suspend(v.site().id(), id, kind, me(v), f.get("reason"), earlier, days(f.get("days")));
            case "hold" -> actions.holdEverything(v.site().id(), id, kind, me(v), f.get("reason"));
            default -> throw Refusal.invalid("kind", "Choose ban, suspend or hold everything.");
        }
        back(res, f, kindOf.equals("ban") ? "banned" : kindOf.equals("suspend") ? "suspended" : "held");
    }

    /** Approves or rejects every ticked item (fields pick-ID=1); one that cannot be decided is skipped, not fatal. */
    private void bulk(ServerRequest req, ServerResponse res) {
        Visitor v = moderator(req, res);
        if (v == null) return;
        Map<String, String> f = checked(req, v);
        String action = f.getOrDefault("action", "");
        if (!action.equals("approve") && !action.equals("reject")) throw Refusal.invalid("action", "Choose approve or reject.");
        ReportReason reason = action.equals("reject") ? ReportReason.parse(f.get("reason")) : null;
        List<Long> ids = new ArrayList<>();
        f.forEach((k, val) -> {
            if (k.startsWith("pick-") && "1".equals(val)) {
                Long id = ArticlePages.parseId(k.substring(5));
                if (id != null) ids.add(id);
            }
        });
        if (ids.isEmpty()) throw Refusal.invalid("pick", "Tick the comments to " + action + " first.");
        int done = 0;
        for (long id : ids) {
            try {
                if (reason == null) actions.approve(v.site().id(), id, me(v), null);
                else actions.reject(v.site().id(), id, me(v), reason, null);
                done++;
            } catch (Refusal skipped) {
                // deleted meanwhile, or not on this site: the rest still go through
            }
        }
        back(res, f, (action.equals("approve") ? "approved-" : "rejected-") + done);
    }

    private Map<String, String> checked(ServerRequest req, Visitor v) {
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        return f;
    }

    private static Account me(Visitor v) {
        return v.staff().account();
    }

    private static void back(ServerResponse res, Map<String, String> f, String done) {
        String to = StaffOnly.localPath(f.get("back"), "/admin/queue");
        to = to.replaceAll("[?&]done=[^&#]*", "");
        Responses.redirect(res, to + (to.contains("?") ? "&" : "?") + "done=" + done);
    }

    /** The note shown after an action, from the redirect's done=… (nothing for anything else). */
    static String done(String code) {
        if (code == null) return null;
        String[] p = code.split("-", 2);
        String n = p.length == 2 && p[1].matches("\\d{1,4}") ? p[1] : null;
        return switch (p[0]) {
            case "approved" -> n == null ? "Approved." : n + (n.equals("1") ? " comment" : " comments") + " approved.";
            case "rejected" -> n == null ? "Rejected." : n + (n.equals("1") ? " comment" : " comments") + " rejected.";
            case "banned" -> "The commenter is banned.";
            case "suspended" -> "The commenter is suspended.";
            case "held" -> "Everything from this commenter is now held for review.";
            default -> null;
        };
    }

    private static Identity.Kind identity(String raw) {
        try {
            return Identity.Kind.fromDb(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("identity", "Choose which identity of the commenter to sanction.");
        }
    }

    private static int days(String raw) {
        try {
            return Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("days", "Give the suspension's length in whole days.");
        }
    }
}

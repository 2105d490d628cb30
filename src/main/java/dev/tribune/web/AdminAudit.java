package dev.tribune.web;

import dev.tribune.domain.Refusal;
import dev.tribune.moderation.AuditLog;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit log at /admin/audit (admins and moderators): every staff decision, newest first,
 * filtered by moderator, action, date range (UTC days, both ends included), comment or commenter.
 * A filter that cannot be read is shown in place with what was typed, and nothing is listed.
 */
public final class AdminAudit implements HttpService {
    public static final int PAGE_SIZE = 100;
    static final String[] FIELDS = {"moderator", "action", "from", "to", "comment", "commenter"};

    private final AuditLog log;
    private final Templates templates;
    private final StaffOnly door;

    public AdminAudit(AuditLog log, Visitors visitors, Templates templates) {
        this.log = log;
        this.templates = templates;
        this.door = new StaffOnly(visitors);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/audit", this::show);
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        StaffOnly.allow(v.staff().account().role().canModerate(), "Only moderators and admins read the audit log; you are signed in as a "
                + v.staff().account().role().label().toLowerCase() + ".");
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String value = Responses.query(req, f);
            typed.put(f, value == null ? "" : value.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        AuditLog.Filter filter = filter(typed, Responses.query(req, "before"), errors);
        Map<String, Object> p = new HashMap<>();
        p.put("console", Console.of(v, "audit"));
        p.put("typed", typed);
        p.put("errors", errors);
        p.put("actors", log.actors(v.site().id()));
        p.put("page", errors.isEmpty() ? log.search(v.site().id(), filter, PAGE_SIZE) : new AuditLog.Page(java.util.List.of(), null));
        p.put("query", query(typed));
        Responses.html(res, errors.isEmpty() ? 200 : 422, templates.render("admin/audit.jte", p));
    }

    private static AuditLog.Filter filter(Map<String, String> t, String before, Map<String, String> errors) {
        Long moderator = id(t.get("moderator"), "moderator", "Choose a moderator from the list.", errors);
        AuditLog.Action action = null;
        if (!t.get("action").isEmpty()) {
            try {
                action = AuditLog.Action.parse(t.get("action"));
            } catch (Refusal r) {
                errors.put("action", "Choose an action from the list.");
            }
        }
        Instant from = day(t.get("from"), "from", errors);
        Instant to = day(t.get("to"), "to", errors);
        if (to != null) to = to.plusSeconds(86_400);
        if (from != null && to != null && !from.isBefore(to)) errors.put("to", "The end date comes before the start date.");
        Long comment = id(t.get("comment"), "comment", "A comment number is a whole number, like 1234.", errors);
        String commenter = t.get("commenter").isEmpty() ? null : t.get("commenter");
        if (commenter != null && commenter.length() > 200) errors.put("commenter", "A name to look for is at most 200 characters.");
        Long cursor = before == null || before.isBlank() ? null : ArticlePages.parseId(before);
        return new AuditLog.Filter(moderator, action, from, to, comment, commenter, cursor);
    }

    private static Long id(String raw, String field, String message, Map<String, String> errors) {
        if (raw.isEmpty()) return null;
        Long id = ArticlePages.parseId(raw);
        if (id == null) errors.put(field, message);
        return id;
    }

    private static Instant day(String raw, String field, Map<String, String> errors) {
        if (raw.isEmpty()) return null;
        try {
            return LocalDate.parse(raw).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.put(field, "Give a date like 2026-05-03.");
            return null;
        }
    }

    /** The filter as a query string for the next page's link. */
    private static String query(Map<String, String> typed) {
        StringBuilder s = new StringBuilder();
        typed.forEach((k, val) -> {
            if (!val.isEmpty()) s.append(k).append('=').append(java.net.URLEncoder.encode(val, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        });
        return s.toString();
    }
}

package dev.tribune.web;

import dev.tribune.domain.Refusal;
import dev.tribune.moderation.AuditLog;
import dev.tribune.moderation.Classifiers;
import dev.tribune.moderation.ModelAgreement;
import dev.tribune.moderation.ModelVersion;
import dev.tribune.moderation.ModeratorLabels;
import dev.tribune.moderation.Policies;
import dev.tribune.moderation.Policy;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site's moderation settings at /admin/moderation (admins only): start over from a preset,
 * change single settings (refusals shown in place, with what was typed), and edit the site's own
 * banned, suspect and allowed words. Every change goes to the audit log with old and new values.
 * Also shows which toxicity model runs and how often it agreed with the moderators lately.
 */
public final class AdminModeration implements HttpService {
    /** Longest word list a site keeps, in characters. */
    public static final int MAX_LIST_CHARS = 20_000;

    private final Policies policies;
    private final AuditLog audit;
    private final Classifiers classifiers;
    private final ModeratorLabels labels;
    private final int agreementDecisions;
    private final Visitors visitors;
    private final Templates templates;
    private final StaffOnly door;

    /** classifiers may be null when posting is scored by something else (then no model is shown). */
    public AdminModeration(Policies policies, AuditLog audit, Classifiers classifiers, ModeratorLabels labels, int agreementDecisions,
                           Visitors visitors, Templates templates) {
        this.policies = policies;
        this.audit = audit;
        this.classifiers = classifiers;
        this.labels = labels;
        this.agreementDecisions = agreementDecisions;
        this.visitors = visitors;
        this.templates = templates;
        this.door = new StaffOnly(visitors);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/moderation", this::show)
                .post("/admin/moderation/preset", this::preset)
                .post("/admin/moderation/settings", this::settings)
                .post("/admin/moderation/words", this::words);
    }

    private Visitor admin(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v != null) {
            StaffOnly.allow(v.staff().account().role() == dev.tribune.domain.Role.ADMIN,
                    "Only admins change the moderation settings; you are signed in as a "
                            + v.staff().account().role().label().toLowerCase() + ".");
        }
        return v;
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visitor v = admin(req, res);
        if (v == null) return;
        Policy p = policies.forSite(v.site().id());
        String saved = Responses.query(req, "saved");
        page(res, v, p, values(p), Map.of(), null, saved == null ? null : "Saved.", 200);
    }

    private void preset(ServerRequest req, ServerResponse res) {
        Visitor v = admin(req, res);
        if (v == null) return;
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        Policy old = policies.forSite(v.site().id());
        Policy now;
        try {
            now = policies.usePreset(v.site().id(), f.get("preset"), v.staff().account().id());
        } catch (Refusal r) {
            page(res, v, old, values(old), r.fields(), r.detail(), null, r.status());
            return;
        }
        audit.record(v.site().id(), v.staff().account(), AuditLog.Action.SETTINGS, null, "preset", "",
                Map.of("preset", List.of(old.preset(), now.preset()), "changes", diff(old, values(now))));
        Responses.redirect(res, "/admin/moderation?saved=1");
    }

    private void settings(ServerRequest req, ServerResponse res) {
        Visitor v = admin(req, res);
        if (v == null) return;
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        Policy old = policies.forSite(v.site().id());
        Map<String, String> typed = values(old);
        for (PolicyFields.Field field : PolicyFields.SETTINGS) {
            if (f.containsKey(field.key())) typed.put(field.key(), f.get(field.key()).strip());
        }
        change(res, v, old, typed);
    }

    private void words(ServerRequest req, ServerResponse res) {
        Visitor v = admin(req, res);
        if (v == null) return;
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        Policy old = policies.forSite(v.site().id());
        Map<String, String> typed = values(old);
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : PolicyFields.WORD_LISTS.keySet()) {
            String text = f.getOrDefault(key, "");
            typed.put(key, text);
            if (text.length() > MAX_LIST_CHARS) errors.put(key, "A word list can be at most " + MAX_LIST_CHARS + " characters long.");
        }
        if (!errors.isEmpty()) {
            page(res, v, old, typed, errors, "Some settings were not saved; see below.", null, 422);
            return;
        }
        change(res, v, old, typed);
    }

    /** Stores what differs from the current settings; a refusal shows the page again with everything as typed. */
    private void change(ServerResponse res, Visitor v, Policy old, Map<String, String> typed) {
        Map<String, String> stored = new LinkedHashMap<>(typed);
        PolicyFields.WORD_LISTS.keySet().forEach(k -> stored.put(k, asList(typed.get(k))));
        Map<String, List<String>> diff = diff(old, stored);
        Map<String, String> changes = new LinkedHashMap<>();
        diff.forEach((k, d) -> changes.put(k, d.get(1)));
        if (!changes.isEmpty()) {
            try {
                policies.change(v.site().id(), changes, v.staff().account().id());
            } catch (Refusal r) {
                page(res, v, old, typed, r.fields(), r.fields().isEmpty() ? r.detail() : "Some settings were not saved; see below.", null, r.status());
                return;
            }
            audit.record(v.site().id(), v.staff().account(), AuditLog.Action.SETTINGS, null, String.join(", ", changes.keySet()), "",
                    Map.of("changes", diff));
        }
        Responses.redirect(res, "/admin/moderation?saved=1");
    }

    /** Keys whose text differs from the current settings, each with [old, new]. */
    private static Map<String, List<String>> diff(Policy old, Map<String, String> typed) {
        Map<String, String> before = values(old);
        PolicyFields.WORD_LISTS.keySet().forEach(k -> before.put(k, asList(before.get(k))));
        Map<String, List<String>> out = new LinkedHashMap<>();
        typed.forEach((k, now) -> {
            String was = before.get(k);
            if (was != null && !k.equals("preset") && !was.equals(now)) out.put(k, List.of(was, now));
        });
        return out;
    }

    /** The settings as the form shows them: scores "off" when switched off, word lists one entry per line. */
    static Map<String, String> values(Policy p) {
        Map<String, String> out = new LinkedHashMap<>();
        p.asMap().forEach((k, v) -> out.put(k, v == null ? "off" : String.valueOf(v)));
        PolicyFields.WORD_LISTS.keySet().forEach(k -> out.put(k, String.join("\n", entries(out.get(k)))));
        return out;
    }

    /** One entry per line (or comma) to the stored comma-separated form, blanks dropped. */
    private static String asList(String text) {
        return String.join(",", entries(text));
    }

    private static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        Arrays.stream(text.split("[,\n]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private void page(ServerResponse res, Visitor v, Policy p, Map<String, String> typed, Map<String, String> errors, String message,
                      String note, int status) {
        Map<String, Object> m = new HashMap<>();
        m.put("console", Console.of(v, "moderation"));
        m.put("policy", p);
        m.put("typed", typed);
        m.put("errors", errors);
        m.put("message", message);
        m.put("note", note);
        m.put("fields", PolicyFields.SETTINGS);
        m.put("lists", PolicyFields.WORD_LISTS);
        ModelVersion model = classifiers == null ? null : classifiers.toxicityVersion();
        m.put("model", model);
        m.put("agreement", model == null ? null : ModelAgreement.measure(classifiers.toxicityModel(), model.trainedAt(),
                labels.latest(v.site().id(), agreementDecisions)));
        m.put("window", agreementDecisions);
        Responses.html(res, status, templates.render("admin/moderation.jte", m));
    }
}

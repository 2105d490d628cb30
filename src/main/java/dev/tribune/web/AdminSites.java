package dev.tribune.web;

import dev.tribune.domain.Account;
import dev.tribune.domain.Commenters;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;
import dev.tribune.domain.Site;
import dev.tribune.identity.SiteSignOn;
import dev.tribune.identity.SiteStaff;
import dev.tribune.moderation.AuditLog;
import dev.tribune.moderation.Policies;
import dev.tribune.publishing.Sites;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sites of this Tribune at /admin/sites, for admins: the sites they run and, for admins of the
 * first site, adding one; per site its name and host, the origins that may embed it, who may
 * comment, its SSO keys and sign-in providers, and its staff. Every change is audited on the site
 * it changed; anyone who is not an admin of a site gets a 403 page for it.
 */
public final class AdminSites implements HttpService {
    private final Sites sites;
    private final SiteSignOn signOn;
    private final SiteStaff staff;
    private final Policies policies;
    private final AuditLog audit;
    private final Visitors visitors;
    private final Templates templates;
    private final StaffOnly door;

    /** A sign-in provider as the console shows it: never its client secret. */
    public record ProviderView(String name, String kind, String label, String issuer, String clientId) {}

    /** Everything the settings page of one site shows; typed holds what was sent when a change was refused. */
    public record SitePage(Site site, String moderationUrl, String preset, boolean hasSecret, String publicKeyPem, String jwksUrl,
                           String issuer, List<ProviderView> providers, List<SiteStaff.Member> staff, Map<String, String> typed,
                           Map<String, String> errors, String message, String note, String newSecret) {
        public String typed(String key) { return typed.getOrDefault(key, ""); }

        public List<Commenters> choices() { return List.of(Commenters.values()); }
    }

    /** One row of the sites list: the site and the viewer's role there. */
    public record Listed(Site site, Role role) {}

    public AdminSites(Sites sites, SiteSignOn signOn, SiteStaff staff, Policies policies, AuditLog audit, Visitors visitors,
                      Templates templates) {
        this.sites = sites;
        this.signOn = signOn;
        this.staff = staff;
        this.policies = policies;
        this.audit = audit;
        this.visitors = visitors;
        this.templates = templates;
        this.door = new StaffOnly(visitors);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/admin/sites", this::list)
                .post("/admin/sites", this::add)
                .get("/admin/sites/{id}", this::show)
                .post("/admin/sites/{id}/name", this::rename)
                .post("/admin/sites/{id}/origins", this::origins)
                .post("/admin/sites/{id}/commenting", this::commenting)
                .post("/admin/sites/{id}/sso-secret", this::rotateSecret)
                .post("/admin/sites/{id}/sso-key", this::ssoKey)
                .post("/admin/sites/{id}/providers", this::provider)
                .post("/admin/sites/{id}/providers/{name}/remove", this::removeProvider)
                .post("/admin/sites/{id}/staff", this::grant)
                .post("/admin/sites/{id}/staff/{account}/revoke", this::revoke);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        listPage(res, v, Map.of(), Map.of(), null, 200);
    }

    private void listPage(ServerResponse res, Visitor v, Map<String, String> typed, Map<String, String> errors, String message, int status) {
        List<Listed> mine = adminSites(v);
        Map<String, Object> m = new HashMap<>();
        m.put("console", Console.of(v, "sites"));
        m.put("sites", mine);
        m.put("mayAdd", mayAddSites(v));
        m.put("typed", typed);
        m.put("errors", errors);
        m.put("message", message);
        Responses.html(res, status, templates.render("admin/sites.jte", m));
    }

    /** The sites the visitor is an admin of; a 403 for staff who are admin nowhere. */
    private List<Listed> adminSites(Visitor v) {
        Map<Long, Role> roles = staff.sitesOf(v.staff().account());
        List<Listed> mine = sites.all().stream().filter(s -> roles.get(s.id()) == Role.ADMIN).map(s -> new Listed(s, Role.ADMIN)).toList();
        StaffOnly.allow(!mine.isEmpty(), "Only admins manage sites; you are signed in as a "
                + v.staff().account().role().label().toLowerCase() + ".");
        return mine;
    }

    /** Adding a site changes how every request finds its site, so it is for the admins of the first site. */
    private boolean mayAddSites(Visitor v) {
        List<Site> all = sites.all();
        return !all.isEmpty() && staff.sitesOf(v.staff().account()).get(all.get(0).id()) == Role.ADMIN;
    }

    private void add(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        StaffOnly.allow(mayAddSites(v), "Only admins of " + sites.all().get(0).name() + " add sites.");
        Site added;
        try {
            added = sites.add(f.get("host"), f.get("name"));
        } catch (Refusal r) {
            listPage(res, v, f, fieldErrors(r, "host"), r.detail(), r.status());
            return;
        }
        Account me = v.staff().account();
        if (added.id() != v.site().id()) staff.grant(added.id(), home(me), Role.ADMIN, me);
        audit.record(added.id(), me, AuditLog.Action.SITE_SETTINGS, null, "site added", "",
                Map.of("host", added.host(), "name", added.name()));
        Responses.redirect(res, "/admin/sites/" + added.id() + "?saved=1");
    }

    private void show(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Site site = administered(req, v);
        page(res, v, site, Map.of(), Map.of(), null, Responses.query(req, "saved") == null ? null : "Saved.", null, 200);
    }

    private void rename(ServerRequest req, ServerResponse res) {
        change(req, res, (v, site, f) -> {
            Site now = sites.rename(site.id(), f.get("host"), f.get("name"));
            Map<String, Object> d = new LinkedHashMap<>();
            if (!now.name().equals(site.name())) d.put("name", List.of(site.name(), now.name()));
            if (!now.host().equals(site.host())) d.put("host", List.of(site.host(), now.host()));
            return d.isEmpty() ? null : entry("name and host", d);
        }, "host");
    }

    private void origins(ServerRequest req, ServerResponse res) {
        change(req, res, (v, site, f) -> {
            List<String> typed = Arrays.stream(f.getOrDefault("origins", "").split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
            Site now = sites.setOrigins(site.id(), typed);
            return now.allowedOrigins().equals(site.allowedOrigins()) ? null
                    : entry("allowed origins", Map.of("origins", List.of(site.allowedOrigins(), now.allowedOrigins())));
        }, "origins");
    }

    private void commenting(ServerRequest req, ServerResponse res) {
        change(req, res, (v, site, f) -> {
            Commenters who = Commenters.parse(f.get("commenting"));
            if (who == site.commenting()) return null;
            sites.setCommenting(site.id(), who);
            return entry("who may comment", Map.of("commenting", List.of(site.commenting().db(), who.db())));
        }, "commenting");
    }

    private void rotateSecret(ServerRequest req, ServerResponse res) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Site site = administered(req, v);
        visitors.checkCsrf(req, v, Forms.parse(req).get("csrf"));
        String secret = signOn.newSsoSecret(site.id());
        // The secret itself is never logged nor shown again: only that it changed.
        audit.record(site.id(), v.staff().account(), AuditLog.Action.SITE_SETTINGS, null, "SSO secret", "",
                Map.of("ssoSecret", "rotated"));
        page(res, v, site, Map.of(), Map.of(), null, "A new HS256 secret is in use; the old one no longer signs anyone in.", secret, 200);
    }

    private void ssoKey(ServerRequest req, ServerResponse res) {
        change(req, res, (v, site, f) -> {
            SiteSignOn.SsoKeys old = signOn.ssoKeys(site.id());
            boolean clear = "clear".equals(f.get("action"));
            String key = clear || blank(f.get("publicKey")) ? null : f.get("publicKey");
            String jwks = clear || blank(f.get("jwksUrl")) ? null : f.get("jwksUrl").strip();
            String issuer = clear || blank(f.get("issuer")) ? null : f.get("issuer").strip();
            signOn.setSsoKeys(site.id(), new SiteSignOn.SsoKeys(old.secret(), key, jwks, issuer));
            SiteSignOn.SsoKeys now = signOn.ssoKeys(site.id());
            Map<String, Object> d = new LinkedHashMap<>();
            if (!Objects.equals(old.publicKeyPem(), now.publicKeyPem())) d.put("publicKey", now.publicKeyPem() == null ? "cleared" : "set");
            if (!Objects.equals(old.jwksUrl(), now.jwksUrl())) d.put("jwksUrl", Arrays.asList(old.jwksUrl(), now.jwksUrl()));
            if (!Objects.equals(old.issuer(), now.issuer())) d.put("issuer", Arrays.asList(old.issuer(), now.issuer()));
            return d.isEmpty() ? null : entry("SSO public key", d);
        }, "publicKey");
    }

    private void provider(ServerRequest req, ServerResponse res) {
        change(req, res, (v, site, f) -> {
            String name = f.getOrDefault("providerName", "").strip().toLowerCase();
            String secret = f.get("clientSecret");
            boolean kept = blank(secret);
            if (kept) {
                // Editing a provider without retyping its secret keeps the one stored.
                secret = signOn.provider(site.id(), name).map(SiteSignOn.Provider::clientSecret).orElse(null);
            }
            try {
                SiteSignOn.Provider p = signOn.addProvider(site.id(), name, f.get("kind"), f.get("label"), f.get("providerIssuer"),
                        f.get("clientId"), secret);
                return entry("sign-in provider " + p.name(), Map.of("provider", p.name(), "kind", p.kind(), "issuer", p.issuer(),
                        "clientId", p.clientId(), "clientSecret", kept ? "kept" : "set"));
            } catch (Refusal r) {
                // The provider's own field names, as the form spells them.
                Map<String, String> fields = new LinkedHashMap<>();
                r.fields().forEach((k, msg) -> fields.put(switch (k) {
                    case "name" -> "providerName";
                    case "issuer" -> "providerIssuer";
                    case "clientId" -> kept && !blank(f.get("clientId")) ? "clientSecret" : "clientId";
                    default -> k;
                }, msg));
                throw new Refusal(r.status(), r.type(), r.detail(), fields);
            }
        }, "providerName");
    }

    private void removeProvider(ServerRequest req, ServerResponse res) {
        change(req, res, (v, site, f) -> {
            String name = req.path().pathParameters().get("name");
            signOn.removeProvider(site.id(), name);
            return entry("sign-in provider " + name, Map.of("provider", name, "removed", true));
        }, "providerName");
    }

    private void grant(ServerRequest req, ServerResponse res) {
        change(req, res, (v, site, f) -> {
            Role role = parseRole(f.get("role"));
            Account target;
            if (!blank(f.get("account"))) {
                long id = parseId(f.get("account"));
                target = staff.of(site.id()).stream().filter(m -> m.account().id() == id).findFirst()
                        .map(m -> home(m.account())).orElseThrow(() -> Refusal.notFound("That account is not staff of " + site.name() + "."));
            } else {
                String host = blank(f.get("home")) ? site.host() : f.get("home").strip();
                Site home = sites.byExactHost(host).orElseThrow(() -> Refusal.invalid("home", "There is no site with host " + host + "."));
                target = staff.staffAccount(home.id(), f.get("email"));
            }
            Role before = staff.roleOn(target.id(), site.id()).orElse(null);
            staff.grant(site.id(), target, role, v.staff().account());
            return role == before ? null : entry("staff role", Map.of("account", target.email(), "role",
                    Arrays.asList(before == null ? null : before.db(), role.db())), target.displayName());
        }, "email");
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        change(req, res, (v, site, f) -> {
            long id = parseId(req.path().pathParameters().get("account"));
            SiteStaff.Member m = staff.of(site.id()).stream().filter(x -> x.account().id() == id).findFirst()
                    .orElseThrow(() -> Refusal.notFound("That account is not staff of " + site.name() + "."));
            staff.revoke(site.id(), id);
            return entry("staff role", Map.of("account", m.account().email(), "role", Arrays.asList(m.account().role().db(), null)),
                    m.account().displayName());
        }, "email");
    }

    /** What one change puts in the audit log. */
    private record Change(String subject, String who, Map<String, ?> detail) {}

    private static Change entry(String subject, Map<String, ?> detail) {
        return new Change(subject, "", detail);
    }

    private static Change entry(String subject, Map<String, ?> detail, String who) {
        return new Change(subject, who, detail);
    }

    private interface Edit {
        /** Makes the change; returns what to audit, or null when nothing changed. */
        Change apply(Visitor v, Site site, Map<String, String> form);
    }

    /**
     * The frame of every change: staff only, admin of that site only, CSRF-checked; a refusal shows
     * the page again with the message in place and what was typed, a success is audited and lands on the page.
     */
    private void change(ServerRequest req, ServerResponse res, Edit edit, String mainField) {
        Visitor v = door.enter(req, res);
        if (v == null) return;
        Site site = administered(req, v);
        Map<String, String> f = Forms.parse(req);
        visitors.checkCsrf(req, v, f.get("csrf"));
        Change done;
        try {
            done = edit.apply(v, site, f);
        } catch (Refusal r) {
            if (r.status() == 403) throw r;
            Map<String, String> typed = new HashMap<>(f);
            typed.remove("csrf");
            typed.remove("clientSecret");
            page(res, v, sites.byId(site.id()).orElse(site), typed, fieldErrors(r, mainField),
                    "Not saved: " + r.detail(), null, null, r.status());
            return;
        }
        if (done != null) {
            audit.record(site.id(), v.staff().account(), AuditLog.Action.SITE_SETTINGS, null,
                    done.who().isEmpty() ? done.subject() : done.who(), done.who().isEmpty() ? "" : done.subject(), done.detail());
        }
        Responses.redirect(res, "/admin/sites/" + site.id() + "?saved=1");
    }

    /** The site in the path, when the visitor is its admin; the same 403 for sites that are not theirs and sites that do not exist. */
    private Site administered(ServerRequest req, Visitor v) {
        long id;
        try {
            id = Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("There is no such site.");
        }
        Role role = staff.roleOn(v.staff().account().id(), id).orElse(null);
        StaffOnly.allow(role == Role.ADMIN, role == null ? "You are not staff of that site, so its settings are not yours to see."
                : "Only admins of a site change its settings; there you are a " + role.label().toLowerCase() + ".");
        return sites.byId(id).orElseThrow(() -> Refusal.notFound("There is no such site."));
    }

    private void page(ServerResponse res, Visitor v, Site site, Map<String, String> typed, Map<String, String> errors, String message,
                      String note, String newSecret, int status) {
        SiteSignOn.SsoKeys keys = signOn.ssoKeys(site.id());
        Map<String, String> shown = new HashMap<>();
        shown.put("name", site.name());
        shown.put("host", site.host());
        shown.put("origins", String.join("\n", site.allowedOrigins()));
        shown.put("commenting", site.commenting().db());
        shown.put("publicKey", keys.publicKeyPem() == null ? "" : keys.publicKeyPem());
        shown.put("jwksUrl", keys.jwksUrl() == null ? "" : keys.jwksUrl());
        shown.put("issuer", keys.issuer() == null ? "" : keys.issuer());
        shown.put("kind", "oidc");
        shown.put("home", site.host());
        shown.put("role", "moderator");
        shown.putAll(typed);
        List<ProviderView> providers = signOn.providers(site.id()).stream()
                .map(p -> new ProviderView(p.name(), p.kind(), p.label(), p.issuer(), p.clientId())).toList();
        String moderation = site.id() == v.site().id() ? "/admin/moderation" : "//" + site.host() + "/admin/moderation";
        SitePage p = new SitePage(site, moderation, policies.forSite(site.id()).preset(), keys.secret() != null, keys.publicKeyPem(),
                keys.jwksUrl(), keys.issuer(), providers, staff.of(site.id()), shown, errors, message, note, newSecret);
        Responses.html(res, status, templates.render("admin/site.jte", Map.of("console", Console.of(v, "sites"), "page", p)));
    }

    /** The refusal's field messages, or its detail under the form's main field. */
    private static Map<String, String> fieldErrors(Refusal r, String mainField) {
        return r.fields().isEmpty() ? Map.of(mainField, r.detail()) : r.fields();
    }

    private Account home(Account a) {
        return staff.home(a.id());
    }

    private static Role parseRole(String s) {
        try {
            Role r = Role.parse(s == null ? "" : s);
            if (r.isStaff()) return r;
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw Refusal.invalid("role", "Choose admin, moderator or journalist.");
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw Refusal.notFound("There is no such account.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

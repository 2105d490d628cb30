package dev.tribune.publishing;

import dev.tribune.domain.Commenters;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
import dev.tribune.store.Database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sites this Tribune serves. A request's site comes from its Host header; a Tribune with a
 * single site serves it under any host name. An embed's request, made from a page on another
 * origin, belongs to the one site that allows that origin (an origin belongs to one site only).
 * The list is kept in memory; every change to it is announced (afterChange) so that every node,
 * this one included, {@link #forget}s its copy.
 */
public final class Sites {
    private final Database db;
    private final AtomicReference<List<Site>> all = new AtomicReference<>();
    private final Runnable afterChange;

    /** afterChange runs after each committed change to a site (to tell the other nodes). */
    public Sites(Database db, Runnable afterChange) {
        this.db = db;
        this.afterChange = afterChange;
    }

    /** Drops the remembered list: the next request reads the sites again. */
    public void forget() {
        all.set(null);
    }

    private void changed() {
        forget();
        afterChange.run();
    }

    /** Longest site name, in characters. */
    public static final int MAX_NAME = 120;

    public Site add(String host, String name) {
        String h = checkHost(host);
        String n = checkName(name);
        if (byExactHost(h).isPresent()) throw new Refusal(409, "exists", "There is already a site for host " + h + ".");
        db.update(hd -> hd.createUpdate("insert into site (host, name, created_at) values (?, ?, ?)")
                .bind(0, h).bind(1, n).bind(2, System.currentTimeMillis()).execute());
        changed();
        return byExactHost(h).orElseThrow();
    }

    /** Renames a site and/or moves it to another host name (readers' links to the old host stop working). */
    public Site rename(long siteId, String host, String name) {
        String h = checkHost(host);
        String n = checkName(name);
        Optional<Site> owner = byExactHost(h);
        if (owner.isPresent() && owner.get().id() != siteId) {
            throw Refusal.invalid("host", "The host " + h + " already belongs to " + owner.get().name() + ".");
        }
        db.update(hd -> hd.createUpdate("update site set host = ?, name = ? where id = ?").bind(0, h).bind(1, n).bind(2, siteId).execute());
        changed();
        return byId(siteId).orElseThrow(() -> Refusal.notFound("There is no site " + siteId + "."));
    }

    private static String checkHost(String host) {
        String h = normalizeHost(host);
        if (h.isEmpty() || !h.matches("[a-z0-9.-]+(:\\d+)?")) {
            throw Refusal.invalid("host", "A site's host must be a host name like news.example.org, got '" + host + "'.");
        }
        return h;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) throw Refusal.invalid("name", "A site needs a name.");
        if (name.strip().length() > MAX_NAME) throw Refusal.invalid("name", "A site's name can be at most " + MAX_NAME + " characters.");
        return name.strip();
    }

    public void setTagline(long siteId, String tagline) {
        db.update(h -> h.createUpdate("update site set tagline = ? where id = ?").bind(0, tagline).bind(1, siteId).execute());
        changed();
    }

    public List<Site> all() {
        List<Site> s = all.get();
        if (s == null) {
            s = db.read(h -> h.createQuery("select id, host, name, tagline, allowed_origins, commenting from site order by id")
                    .map((rs, ctx) -> new Site(rs.getLong("id"), rs.getString("host"), rs.getString("name"), rs.getString("tagline"),
                            origins(rs.getString("allowed_origins")), commenting(rs.getString("commenting"))))
                    .list());
            all.set(s);
        }
        return s;
    }

    /** Lets pages on an origin embed the site's discussions; an origin can belong to one site only. */
    public Site allowOrigin(long siteId, String origin) {
        String o = PageUrls.requireOrigin("origin", origin);
        Site site = byId(siteId).orElseThrow(() -> Refusal.notFound("There is no site " + siteId + "."));
        Optional<Site> owner = forOrigin(o);
        if (owner.isPresent() && owner.get().id() != siteId) {
            throw new Refusal(409, "origin-taken", o + " already embeds " + owner.get().name() + " (" + owner.get().host()
                    + "); an origin can belong to one site only.");
        }
        if (site.allowsOrigin(o)) return site;
        List<String> next = new ArrayList<>(site.allowedOrigins());
        next.add(o);
        return storeOrigins(siteId, next);
    }

    public Site disallowOrigin(long siteId, String origin) {
        String o = PageUrls.requireOrigin("origin", origin);
        Site site = byId(siteId).orElseThrow(() -> Refusal.notFound("There is no site " + siteId + "."));
        List<String> next = new ArrayList<>(site.allowedOrigins());
        next.remove(o);
        return storeOrigins(siteId, next);
    }

    /** Replaces the whole list (the admin form); each origin is checked as by {@link #allowOrigin}. */
    public Site setOrigins(long siteId, List<String> origins) {
        List<String> next = new ArrayList<>();
        for (String raw : origins) {
            if (raw.isBlank()) continue;
            String o = PageUrls.requireOrigin("origins", raw);
            Optional<Site> owner = forOrigin(o);
            if (owner.isPresent() && owner.get().id() != siteId) {
                throw Refusal.invalid("origins", o + " already embeds " + owner.get().name() + "; an origin can belong to one site only.");
            }
            if (!next.contains(o)) next.add(o);
        }
        return storeOrigins(siteId, next);
    }

    /** Chooses who may comment on the site: the one setting pages, the API and the embed all follow. */
    public Site setCommenting(long siteId, Commenters who) {
        int changed = db.write(h -> h.createUpdate("update site set commenting = ? where id = ?").bind(0, who.db()).bind(1, siteId).execute());
        if (changed == 0) throw Refusal.notFound("There is no site " + siteId + ".");
        changed();
        return byId(siteId).orElseThrow();
    }

    /** The site whose allowed origins include this origin. */
    public Optional<Site> forOrigin(String origin) {
        Optional<String> o = PageUrls.origin(origin);
        if (o.isEmpty()) return Optional.empty();
        return all().stream().filter(s -> s.allowsOrigin(o.get())).findFirst();
    }

    private Site storeOrigins(long siteId, List<String> origins) {
        db.update(h -> h.createUpdate("update site set allowed_origins = ? where id = ?")
                .bind(0, String.join(" ", origins)).bind(1, siteId).execute());
        changed();
        return byId(siteId).orElseThrow();
    }

    private static List<String> origins(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.strip().split("\\s+"));
    }

    /** A stored value no release wrote reads as the strictest choice rather than opening the site to guests. */
    private static Commenters commenting(String stored) {
        try {
            return Commenters.parse(stored);
        } catch (Refusal damaged) {
            return Commenters.SUBSCRIBERS;
        }
    }

    /** The site a Host header names; with one site only, that site whatever the header says. */
    public Optional<Site> forHost(String hostHeader) {
        List<Site> sites = all();
        if (sites.size() == 1) return Optional.of(sites.get(0));
        String h = normalizeHost(hostHeader);
        for (Site s : sites) if (s.host().equals(h)) return Optional.of(s);
        String bare = h.replaceFirst(":\\d+$", "");
        for (Site s : sites) if (s.host().replaceFirst(":\\d+$", "").equals(bare)) return Optional.of(s);
        return Optional.empty();
    }

    public Optional<Site> byExactHost(String host) {
        String h = normalizeHost(host);
        forget();
        return all().stream().filter(s -> s.host().equals(h)).findFirst();
    }

    public Optional<Site> byId(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    static String normalizeHost(String host) {
        return host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    }
}

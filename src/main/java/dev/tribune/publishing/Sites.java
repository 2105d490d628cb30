package dev.tribune.publishing;

import dev.tribune.domain.Refusal;
import dev.tribune.domain.Site;
import dev.tribune.store.Database;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sites this Tribune serves. A request's site comes from its Host header; a Tribune with a
 * single site serves it under any host name.
 */
public final class Sites {
    private final Database db;
    private final AtomicReference<List<Site>> all = new AtomicReference<>();

    public Sites(Database db) {
        this.db = db;
    }

    public Site add(String host, String name) {
        String h = normalizeHost(host);
        if (h.isEmpty() || !h.matches("[a-z0-9.-]+(:\\d+)?")) {
            throw Refusal.invalid("host", "A site's host must be a host name like news.example.org, got '" + host + "'.");
        }
        if (name == null || name.isBlank()) throw Refusal.invalid("name", "A site needs a name.");
        if (byExactHost(h).isPresent()) throw new Refusal(409, "exists", "There is already a site for host " + h + ".");
        db.update(hd -> hd.createUpdate("insert into site (host, name, created_at) values (?, ?, ?)")
                .bind(0, h).bind(1, name.strip()).bind(2, System.currentTimeMillis()).execute());
        all.set(null);
        return byExactHost(h).orElseThrow();
    }

    public void setTagline(long siteId, String tagline) {
        db.update(h -> h.createUpdate("update site set tagline = ? where id = ?").bind(0, tagline).bind(1, siteId).execute());
        all.set(null);
    }

    public List<Site> all() {
        List<Site> s = all.get();
        if (s == null) {
            s = db.read(h -> h.createQuery("select id, host, name, tagline from site order by id")
                    .map((rs, ctx) -> new Site(rs.getLong("id"), rs.getString("host"), rs.getString("name"), rs.getString("tagline")))
                    .list());
            all.set(s);
        }
        return s;
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
        all.set(null);
        return all().stream().filter(s -> s.host().equals(h)).findFirst();
    }

    public Optional<Site> byId(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    static String normalizeHost(String host) {
        return host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    }
}

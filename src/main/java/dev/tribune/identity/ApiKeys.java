package dev.tribune.identity;

import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;

import java.util.List;
import java.util.Optional;

/**
 * Keys for the Perspective-compatible scoring endpoint. The operator makes and revokes them per
 * site; a key is stored only as its hash, shown once when made, and named afterwards by its
 * first characters. A key lets its holder score text and nothing else.
 */
public final class ApiKeys {
    /** Perspective's default quota is one request a second; the same here unless the operator says otherwise. */
    public static final int DEFAULT_PER_MINUTE = 60;
    static final String KEY_START = "trb_";
    private static final int PREFIX_LENGTH = KEY_START.length() + 8;

    /** A key as its site, its request budget and the prefix that names it. */
    public record Key(long siteId, String prefix, int perMinute, long createdAt) {}

    /** A new key: the secret (shown once) and how it is listed from then on. */
    public record Created(String secret, Key key) {}

    private final Database db;

    public ApiKeys(Database db) {
        this.db = db;
    }

    public Created create(long siteId, int perMinute) {
        if (perMinute < 1 || perMinute > 100_000) {
            throw Refusal.invalid("per-minute", "A key's requests per minute must be between 1 and 100000, got " + perMinute + ".");
        }
        String secret = KEY_START + StaffSessions.randomToken();
        Key key = new Key(siteId, secret.substring(0, PREFIX_LENGTH), perMinute, System.currentTimeMillis());
        db.update(h -> h.createUpdate("insert into api_key (key_hash, site_id, prefix, per_minute, created_at) values (?, ?, ?, ?, ?)")
                .bind(0, StaffSessions.hash(secret)).bind(1, siteId).bind(2, key.prefix()).bind(3, perMinute).bind(4, key.createdAt())
                .execute());
        return new Created(secret, key);
    }

    /** The key this secret is, if it was made and not revoked. */
    public Optional<Key> find(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) return Optional.empty();
        return db.read(h -> h.createQuery("select site_id, prefix, per_minute, created_at from api_key where key_hash = ?")
                .bind(0, StaffSessions.hash(secret))
                .map((rs, ctx) -> new Key(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4))).findOne());
    }

    public List<Key> list(long siteId) {
        return db.read(h -> h.createQuery("select site_id, prefix, per_minute, created_at from api_key where site_id = ? order by created_at, prefix")
                .bind(0, siteId)
                .map((rs, ctx) -> new Key(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4))).list());
    }

    /**
     * Revokes the site's key given whole or by the prefix a listing shows; refuses a prefix that
     * names no key or more than one.
     */
    public Key revoke(long siteId, String keyOrPrefix) {
        // a prefix copied from a listing may carry its ellipsis
        String given = keyOrPrefix == null ? "" : keyOrPrefix.strip().replace("…", "");
        Optional<Key> whole = find(given).filter(k -> k.siteId() == siteId);
        List<Key> matches = whole.map(List::of).orElseGet(() -> given.length() < PREFIX_LENGTH ? List.of()
                : list(siteId).stream().filter(k -> given.startsWith(k.prefix())).toList());
        if (matches.isEmpty()) throw Refusal.notFound("This site has no API key " + given + " (see 'tribune site api-key --site HOST --list').");
        if (matches.size() > 1) throw new Refusal(409, "ambiguous", "More than one key starts with " + given + "; give the whole key.");
        Key k = matches.get(0);
        db.update(h -> {
            if (whole.isPresent()) {
                h.createUpdate("delete from api_key where key_hash = ?").bind(0, StaffSessions.hash(given)).execute();
            } else {
                h.createUpdate("delete from api_key where site_id = ? and prefix = ?").bind(0, siteId).bind(1, k.prefix()).execute();
            }
        });
        return k;
    }
}

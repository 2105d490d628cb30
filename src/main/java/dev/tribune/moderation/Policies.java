package dev.tribune.moderation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tribune.store.Database;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each site's moderation {@link Policy}: the preset it started from plus the keys changed since,
 * stored as typed so that a preset's later improvements reach sites that did not change that key.
 * A site with nothing stored follows the balanced preset.
 */
public final class Policies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> CHANGES = new TypeReference<>() {};

    /**
     * How long a policy change whose notice was lost (PostgreSQL: a dropped LISTEN connection) may go
     * unseen on another node; announced changes are forgotten everywhere within milliseconds.
     */
    public static final java.time.Duration FRESH_FOR = java.time.Duration.ofSeconds(2);

    private final Database db;
    private final java.util.function.LongConsumer afterChange;
    /** Every post asks for its site's policy; keeping it saves a query per post. */
    private final Cache<Long, Policy> bySite = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(FRESH_FOR).build();

    public Policies(Database db) {
        this(db, siteId -> { });
    }

    /** afterChange is told the site id after its policy changed (to tell the other nodes). */
    public Policies(Database db, java.util.function.LongConsumer afterChange) {
        this.db = db;
        this.afterChange = afterChange;
    }

    /** Drops the remembered policy of a site (changed on another node). */
    public void forget(long siteId) {
        bySite.invalidate(siteId);
    }

    public void forgetAll() {
        bySite.invalidateAll();
    }

    public Policy forSite(long siteId) {
        return bySite.get(siteId, this::load);
    }

    private Policy load(long siteId) {
        return db.read(h -> h.createQuery("select preset, overrides from moderation_policy where site_id = ?").bind(0, siteId)
                .map((rs, ctx) -> Policy.preset(rs.getString(1)).with(parse(rs.getString(2))))
                .findOne().orElse(Policy.BALANCED));
    }

    /** Starts the site over from a preset, dropping earlier changes. */
    public Policy usePreset(long siteId, String preset, Long byAccount) {
        Policy p = Policy.preset(preset);
        store(siteId, p.preset(), Map.of(), byAccount);
        return p;
    }

    /** Changes some keys (values as typed: "0.7", "off", "true"); nothing is stored if any is refused. */
    public Policy change(long siteId, Map<String, String> changes, Long byAccount) {
        Policy changed;
        try {
            changed = db.write(h -> {
                var row = h.createQuery("select preset, overrides from moderation_policy where site_id = ?").bind(0, siteId)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), parse(rs.getString(2)))).findOne();
                String preset = row.map(Map.Entry::getKey).orElse(Policy.BALANCED.preset());
                Map<String, String> all = new LinkedHashMap<>(row.map(Map.Entry::getValue).orElse(Map.of()));
                all.putAll(changes);
                Policy p = Policy.preset(preset).with(all);
                upsert(h, siteId, preset, all, byAccount);
                return p;
            });
        } finally {
            bySite.invalidate(siteId);
        }
        afterChange.accept(siteId);
        return changed;
    }

    private void store(long siteId, String preset, Map<String, String> changes, Long byAccount) {
        try {
            db.update(h -> upsert(h, siteId, preset, changes, byAccount));
        } finally {
            bySite.invalidate(siteId);
        }
        afterChange.accept(siteId);
    }

    private static void upsert(org.jdbi.v3.core.Handle h, long siteId, String preset, Map<String, String> changes, Long byAccount) {
        String json;
        try {
            json = JSON.writeValueAsString(changes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int n = h.createUpdate("update moderation_policy set preset = ?, overrides = ?, updated_at = ?, updated_by = ? where site_id = ?")
                .bind(0, preset).bind(1, json).bind(2, System.currentTimeMillis()).bind(3, byAccount).bind(4, siteId).execute();
        if (n == 0) {
            h.createUpdate("insert into moderation_policy (site_id, preset, overrides, updated_at, updated_by) values (?, ?, ?, ?, ?)")
                    .bind(0, siteId).bind(1, preset).bind(2, json).bind(3, System.currentTimeMillis()).bind(4, byAccount).execute();
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            return JSON.readValue(json, CHANGES);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable moderation settings: " + e.getMessage(), e);
        }
    }
}

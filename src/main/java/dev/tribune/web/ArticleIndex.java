package dev.tribune.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.tribune.discussion.Discussions;
import dev.tribune.domain.Article;
import dev.tribune.domain.Discussion;
import dev.tribune.publishing.Newsroom;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Articles and discussions as the anonymous read path needs them, kept in memory so that a cached
 * page or a 304 asks the database nothing. Every node drops entries when it hears of a change
 * ({@link #discussionChanged}, {@link #articleChanged}): its own writers' right after their commit,
 * and on PostgreSQL other nodes' through the live bridge's NOTIFY a few milliseconds later.
 * {@link #FRESH_FOR} only bounds how long a change whose notice was lost (or made by another process
 * on SQLite, such as a CLI command) goes unseen: an entry that old is read again in the background
 * while readers keep getting it, so a viral thread's readers never queue behind that read (they
 * did, every 2 s, when entries expired instead); one nobody asked for in 5 × FRESH_FOR is read
 * before it is served.
 */
public final class ArticleIndex {
    /** The most a change whose notice never arrived (a dropped LISTEN connection) stays unseen here. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(2);
    private static final int MAX_ENTRIES = 20_000;

    private record SlugKey(long siteId, String slug) {}

    private final Discussions discussions;
    private final LoadingCache<SlugKey, Article> bySlug;
    private final LoadingCache<Long, Article> byId;
    private final LoadingCache<Long, Discussion> discussionById;
    /** An article's discussion never changes, so this one needs no invalidation. */
    private final Cache<Long, Long> discussionOfArticle = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    public ArticleIndex(Newsroom newsroom, Discussions discussions) {
        this.discussions = discussions;
        this.bySlug = cache(k -> newsroom.bySlug(k.siteId(), k.slug()).orElse(null));
        this.byId = cache(id -> newsroom.byId(id).orElse(null));
        this.discussionById = cache(id -> discussions.byId(id).orElse(null));
    }

    // Loads go through the cache: an invalidation that arrives while a load runs waits for it and then
    // drops what it read, where a read-then-put could store a version older than the invalidation.
    // A background re-read that finishes after an invalidation is discarded by Caffeine likewise.
    private static <K, V> LoadingCache<K, V> cache(CacheLoader<K, V> load) {
        return Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
                .refreshAfterWrite(FRESH_FOR)
                // an entry nobody asked for since is not served this old: it is read again first
                .expireAfterWrite(FRESH_FOR.multipliedBy(5))
                .executor(REREAD)
                .build(load);
    }

    /** Background re-reads run on virtual threads (they wait for the database). */
    private static final Executor REREAD = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("article-index-", 0).factory());

    /** The article with this slug on the site (absent ones are not remembered: they cost a query each). */
    public Optional<Article> bySlug(long siteId, String slug) {
        return Optional.ofNullable(bySlug.get(new SlugKey(siteId, slug)));
    }

    public Optional<Article> article(long articleId) {
        return Optional.ofNullable(byId.get(articleId));
    }

    public Optional<Discussion> discussion(long discussionId) {
        return Optional.ofNullable(discussionById.get(discussionId));
    }

    public Optional<Discussion> forArticle(long articleId) {
        Long id = discussionOfArticle.get(articleId, a -> discussions.forArticle(a).map(Discussion::id).orElse(null));
        return id == null ? Optional.empty() : discussion(id);
    }

    /** A comment, vote or setting of the discussion changed (its version, count or open flag). */
    public void discussionChanged(long discussionId) {
        discussionById.invalidate(discussionId);
    }

    /**
     * A comment was published on this node: the discussion as that commit left it replaces the
     * entry in place, so readers and the next posts need not load it again (and wait for each
     * other while one does). Only an older version is replaced, and an absent entry stays absent:
     * one dropped by a later change must not come back as it was before that change.
     */
    public void discussionPublished(Discussion after) {
        discussionById.asMap().computeIfPresent(after.id(), (id, held) -> held.version() < after.version() ? after : held);
    }

    /** The article under this discussion changed: its slug, headline or publication may differ. */
    public void articleChanged(long discussionId) {
        discussionById.invalidate(discussionId);
        // Rare (an editor saved an article), so forgetting every article is simpler than tracking which.
        bySlug.invalidateAll();
        byId.invalidateAll();
    }

    /** Changes may have gone unheard (the bridge reconnected): forget everything that can change. */
    public void forgetAll() {
        discussionById.invalidateAll();
        bySlug.invalidateAll();
        byId.invalidateAll();
    }
}

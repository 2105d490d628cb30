package dev.tribune.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tribune.discussion.Discussions;
import dev.tribune.domain.Article;
import dev.tribune.domain.Discussion;
import dev.tribune.publishing.Newsroom;

import java.time.Duration;
import java.util.Optional;

/**
 * Articles and discussions as the anonymous read path needs them, kept in memory so that a cached
 * page or a 304 asks the database nothing. Writers on this node drop entries right after their
 * commit ({@link #discussionChanged}, {@link #articleChanged}); on PostgreSQL another node's change
 * is seen here within {@link #FRESH_FOR} at most, when the entry ages out.
 */
public final class ArticleIndex {
    /** The most a change made on another node stays unseen by this node's anonymous readers. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(2);
    private static final int MAX_ENTRIES = 20_000;

    private record SlugKey(long siteId, String slug) {}

    private final Newsroom newsroom;
    private final Discussions discussions;
    private final Cache<SlugKey, Article> bySlug = cache();
    private final Cache<Long, Article> byId = cache();
    private final Cache<Long, Discussion> discussionById = cache();
    /** An article's discussion never changes, so this one needs no invalidation. */
    private final Cache<Long, Long> discussionOfArticle = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    public ArticleIndex(Newsroom newsroom, Discussions discussions) {
        this.newsroom = newsroom;
        this.discussions = discussions;
    }

    private static <K, V> Cache<K, V> cache() {
        return Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(FRESH_FOR).build();
    }

    /** The article with this slug on the site (absent ones are not remembered: they cost a query each). */
    public Optional<Article> bySlug(long siteId, String slug) {
        SlugKey k = new SlugKey(siteId, slug);
        Article a = bySlug.getIfPresent(k);
        if (a != null) return Optional.of(a);
        Optional<Article> found = newsroom.bySlug(siteId, slug);
        found.ifPresent(x -> bySlug.put(k, x));
        return found;
    }

    public Optional<Article> article(long articleId) {
        Article a = byId.getIfPresent(articleId);
        if (a != null) return Optional.of(a);
        Optional<Article> found = newsroom.byId(articleId);
        found.ifPresent(x -> byId.put(articleId, x));
        return found;
    }

    public Optional<Discussion> discussion(long discussionId) {
        Discussion d = discussionById.getIfPresent(discussionId);
        if (d != null) return Optional.of(d);
        Optional<Discussion> found = discussions.byId(discussionId);
        found.ifPresent(x -> discussionById.put(discussionId, x));
        return found;
    }

    public Optional<Discussion> forArticle(long articleId) {
        Long id = discussionOfArticle.getIfPresent(articleId);
        if (id != null) return discussion(id);
        Optional<Discussion> found = discussions.forArticle(articleId);
        found.ifPresent(d -> {
            discussionOfArticle.put(articleId, d.id());
            discussionById.put(d.id(), d);
        });
        return found;
    }

    /** A comment, vote or setting of the discussion changed (its version, count or open flag). */
    public void discussionChanged(long discussionId) {
        discussionById.invalidate(discussionId);
    }

    /** The article under this discussion changed: its slug, headline or publication may differ. */
    public void articleChanged(long discussionId) {
        discussionById.invalidate(discussionId);
        // Rare (an editor saved an article), so forgetting every article is simpler than tracking which.
        bySlug.invalidateAll();
        byId.invalidateAll();
    }
}

package dev.tribune.domain;

import java.time.Instant;
import java.util.List;

/** A published (or draft) story; bodyHtml is the sanitized rendering of bodyMd. */
public record Article(long id, long siteId, String slug, String headline, String standfirst,
                      String bodyMd, String bodyHtml, Long authorId, List<String> tags,
                      Instant publishedAt, Instant createdAt, Instant updatedAt) {
    public boolean isPublished() {
        return publishedAt != null && !publishedAt.isAfter(Instant.now());
    }
}

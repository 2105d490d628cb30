package dev.tribune.web;

import dev.tribune.domain.Article;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What the article editor shows: the values as typed (kept on error), per-field messages, and a
 * rendered preview. publication is keep, draft, now or at; publishAt is a UTC date-time.
 */
public record ArticleForm(String slug, String headline, String standfirst, String body, String authorId, String tags,
                          String publication, String publishAt, String message, Map<String, String> errors,
                          String previewHtml) {

    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    static ArticleForm blank() {
        return new ArticleForm("", "", "", "", "", "", "draft", "", null, Map.of(), null);
    }

    static ArticleForm of(Article a) {
        return new ArticleForm(a.slug(), a.headline(), a.standfirst(), a.bodyMd(), a.authorId() == null ? "" : a.authorId().toString(),
                String.join(", ", a.tags()), a.publishedAt() == null ? "draft" : "keep",
                a.publishedAt() == null ? "" : LOCAL_INPUT.format(a.publishedAt()), null, Map.of(), null);
    }

    static ArticleForm typed(Map<String, String> f) {
        return new ArticleForm(f.getOrDefault("slug", ""), f.getOrDefault("headline", ""), f.getOrDefault("standfirst", ""),
                f.getOrDefault("body", ""), f.getOrDefault("authorId", ""), f.getOrDefault("tags", ""),
                f.getOrDefault("publication", "keep"), f.getOrDefault("publishAt", ""), null, Map.of(), null);
    }

    ArticleForm withMessage(String message, Map<String, String> errors) {
        return new ArticleForm(slug, headline, standfirst, body, authorId, tags, publication, publishAt, message, errors, previewHtml);
    }

    ArticleForm withPreview(String html) {
        return new ArticleForm(slug, headline, standfirst, body, authorId, tags, publication, publishAt, message, errors, html);
    }

    public boolean hasError(String field) { return errors.containsKey(field); }

    public String error(String field) { return errors.get(field); }

    public boolean publishes(String choice) { return choice.equals(publication); }

    public boolean byline(long id) { return authorId.equals(Long.toString(id)); }

    public static String inputTime(Instant t) { return t == null ? "" : LOCAL_INPUT.format(t); }
}

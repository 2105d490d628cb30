package dev.tribune.publishing;

import dev.tribune.discussion.Discussions;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;
import dev.tribune.text.Markdown;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Authors and articles of a site; every article gets its discussion when it is created. */
public final class Newsroom {
    public static final int MAX_HEADLINE = 200;
    public static final int MAX_STANDFIRST = 400;
    public static final int MAX_ARTICLE_BODY = 200_000;

    private static final String ARTICLE_COLUMNS = "a.id, a.site_id, a.slug, a.headline, a.standfirst, a.body_md, a.body_html, "
            + "a.author_id, a.tags, a.published_at, a.created_at, a.updated_at";

    private static final RowMapper<Article> ARTICLE = (rs, ctx) -> {
        long pub = rs.getLong("published_at");
        Instant published = rs.wasNull() ? null : Instant.ofEpochMilli(pub);
        long author = rs.getLong("author_id");
        Long authorId = rs.wasNull() ? null : author;
        String tags = rs.getString("tags");
        return new Article(rs.getLong("id"), rs.getLong("site_id"), rs.getString("slug"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body_md"), rs.getString("body_html"), authorId,
                tags == null || tags.isBlank() ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).toList(),
                published, Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    };

    private static final RowMapper<Author> AUTHOR = (rs, ctx) -> new Author(rs.getLong("id"), rs.getLong("site_id"),
            rs.getString("slug"), rs.getString("name"), rs.getString("bio"), rs.getString("avatar_url"));

    /** An article on a listing, with its discussion, published comment count and whether comments are open. */
    public record Listed(Article article, Author author, int commentCount, boolean commentsOpen, long discussionId) {}

    /** What staff type into the article form. publishedAt null keeps it a draft. */
    public record ArticleDraft(String slug, String headline, String standfirst, String body, Long authorId,
                               List<String> tags, Instant publishedAt) {}

    private final Database db;
    private final Consumer<Long> afterChange;

    public Newsroom(Database db, Consumer<Long> afterChange) {
        this.db = db;
        this.afterChange = afterChange;
    }

    public Author addAuthor(long siteId, String slug, String name, String bio, String avatarUrl) {
        if (name == null || name.isBlank()) throw Refusal.invalid("name", "An author needs a name.");
        String s = slug == null || slug.isBlank() ? slugify(name) : slug.strip();
        checkSlug(s);
        return db.write(h -> {
            long id = h.createQuery("insert into author (site_id, slug, name, bio, avatar_url) values (?, ?, ?, ?, ?) returning id")
                    .bind(0, siteId).bind(1, s).bind(2, name.strip()).bind(3, bio == null ? "" : bio.strip()).bind(4, avatarUrl)
                    .mapTo(Long.class).one();
            return h.createQuery("select * from author where id = ?").bind(0, id).map(AUTHOR).one();
        });
    }

    public List<Author> authors(long siteId) {
        return db.read(h -> h.createQuery("select * from author where site_id = ? order by name").bind(0, siteId).map(AUTHOR).list());
    }

    public Optional<Author> author(long siteId, String slug) {
        return db.read(h -> h.createQuery("select * from author where site_id = ? and slug = ?").bind(0, siteId).bind(1, slug)
                .map(AUTHOR).findOne());
    }

    public Optional<Author> authorById(long id) {
        return db.read(h -> h.createQuery("select * from author where id = ?").bind(0, id).map(AUTHOR).findOne());
    }

    public Article create(long siteId, ArticleDraft draft) {
        ArticleDraft d = check(siteId, draft, null);
        Article a = db.write(h -> {
            long now = System.currentTimeMillis();
            long id = h.createQuery("insert into article (site_id, slug, headline, standfirst, body_md, body_html, author_id, tags, "
                            + "published_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                    .bind(0, siteId).bind(1, d.slug()).bind(2, d.headline()).bind(3, d.standfirst()).bind(4, d.body())
                    .bind(5, Markdown.article(d.body())).bind(6, d.authorId()).bind(7, String.join(",", d.tags()))
                    .bind(8, d.publishedAt() == null ? null : d.publishedAt().toEpochMilli()).bind(9, now).bind(10, now)
                    .mapTo(Long.class).one();
            Discussions.createForArticle(h, siteId, id, d.headline());
            return byId(h, id).orElseThrow();
        });
        return a;
    }

    public Article update(long articleId, ArticleDraft draft) {
        Article old = byId(articleId).orElseThrow(() -> Refusal.notFound("There is no article " + articleId + "."));
        ArticleDraft d = check(old.siteId(), draft, articleId);
        Article saved = db.write(h -> {
            h.createUpdate("update article set slug = ?, headline = ?, standfirst = ?, body_md = ?, body_html = ?, author_id = ?, "
                            + "tags = ?, published_at = ?, updated_at = ? where id = ?")
                    .bind(0, d.slug()).bind(1, d.headline()).bind(2, d.standfirst()).bind(3, d.body())
                    .bind(4, Markdown.article(d.body())).bind(5, d.authorId()).bind(6, String.join(",", d.tags()))
                    .bind(7, d.publishedAt() == null ? null : d.publishedAt().toEpochMilli())
                    .bind(8, System.currentTimeMillis()).bind(9, articleId).execute();
            h.createUpdate("update discussion set title = ?, version = version + 1 where article_id = ?")
                    .bind(0, d.headline()).bind(1, articleId).execute();
            return byId(h, articleId).orElseThrow();
        });
        // Caches of the read path keep articles by slug; they must forget this one now.
        db.read(h -> h.createQuery("select id from discussion where article_id = ?").bind(0, articleId).mapTo(Long.class).findOne())
                .ifPresent(afterChange);
        return saved;
    }

    public Optional<Article> byId(long id) {
        return db.read(h -> byId(h, id));
    }

    public Optional<Article> bySlug(long siteId, String slug) {
        return db.read(h -> h.createQuery("select " + ARTICLE_COLUMNS + " from article a where a.site_id = ? and a.slug = ?")
                .bind(0, siteId).bind(1, slug).map(ARTICLE).findOne());
    }

    /** Published articles, newest first, with their comment counts (one query). */
    public List<Listed> latest(long siteId, int limit) {
        return listed("a.site_id = :site and a.published_at is not null and a.published_at <= :now", siteId, null, limit);
    }

    public List<Listed> byAuthor(long siteId, long authorId, int limit) {
        return listed("a.site_id = :site and a.author_id = :author and a.published_at is not null and a.published_at <= :now",
                siteId, authorId, limit);
    }

    /** Every article of a site, drafts included, for the admin console. */
    public List<Listed> all(long siteId, int limit) {
        return db.read(h -> h.createQuery(listedSql("a.site_id = :site") + " order by a.created_at desc limit :n")
                .bind("site", siteId).bind("n", limit).map(this::mapListed).list());
    }

    private List<Listed> listed(String where, long siteId, Long authorId, int limit) {
        return db.read(h -> h.createQuery(listedSql(where) + " order by a.published_at desc limit :n")
                .bind("site", siteId).bind("author", authorId).bind("now", System.currentTimeMillis()).bind("n", limit)
                .map(this::mapListed).list());
    }

    private static String listedSql(String where) {
        return "select " + ARTICLE_COLUMNS + ", d.id as d_id, d.comment_count, d.open, au.id as au_id, au.site_id as au_site, au.slug as au_slug, "
                + "au.name as au_name, au.bio as au_bio, au.avatar_url as au_avatar from article a "
                + "join discussion d on d.article_id = a.id left join author au on au.id = a.author_id where " + where;
    }

    private Listed mapListed(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        Article a = ARTICLE.map(rs, ctx);
        long auId = rs.getLong("au_id");
        Author au = rs.wasNull() ? null : new Author(auId, rs.getLong("au_site"), rs.getString("au_slug"), rs.getString("au_name"),
                rs.getString("au_bio"), rs.getString("au_avatar"));
        return new Listed(a, au, rs.getInt("comment_count"), rs.getInt("open") != 0, rs.getLong("d_id"));
    }

    private static Optional<Article> byId(Handle h, long id) {
        return h.createQuery("select " + ARTICLE_COLUMNS + " from article a where a.id = ?").bind(0, id).map(ARTICLE).findOne();
    }

    private ArticleDraft check(long siteId, ArticleDraft d, Long existingId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String headline = d.headline() == null ? "" : d.headline().strip();
        String standfirst = d.standfirst() == null ? "" : d.standfirst().strip();
        String body = d.body() == null ? "" : d.body().strip();
        String slug = d.slug() == null || d.slug().isBlank() ? slugify(headline) : d.slug().strip();
        if (headline.isEmpty()) errors.put("headline", "An article needs a headline.");
        else if (headline.length() > MAX_HEADLINE) errors.put("headline", "A headline can be at most " + MAX_HEADLINE + " characters long.");
        if (standfirst.length() > MAX_STANDFIRST) errors.put("standfirst", "A standfirst can be at most " + MAX_STANDFIRST + " characters long.");
        if (body.isEmpty()) errors.put("body", "An article needs a body.");
        else if (body.length() > MAX_ARTICLE_BODY) errors.put("body", "An article body can be at most " + String.format("%,d", MAX_ARTICLE_BODY) + " characters long.");
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 120) {
            errors.put("slug", "A slug is lowercase letters, digits and single hyphens, like 'port-budget-vote'.");
        } else {
            Optional<Article> same = bySlug(siteId, slug);
            if (same.isPresent() && (existingId == null || same.get().id() != existingId)) {
                errors.put("slug", "Another article already uses the slug '" + slug + "'.");
            }
        }
        if (d.authorId() != null && authorById(d.authorId()).filter(a -> a.siteId() == siteId).isEmpty()) {
            errors.put("authorId", "That author does not write for this site.");
        }
        if (!errors.isEmpty()) throw Refusal.invalid(errors);
        List<String> tags = d.tags() == null ? List.of() : d.tags().stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.replace(",", " ")).distinct().toList();
        return new ArticleDraft(slug, headline, standfirst, body, d.authorId(), tags, d.publishedAt());
    }

    private static void checkSlug(String s) {
        if (!s.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw Refusal.invalid("slug", "A slug is lowercase letters, digits and single hyphens, like 'ana-ruiz'.");
        }
    }

    public static String slugify(String text) {
        String s = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return s.length() > 80 ? s.substring(0, 80).replaceAll("-+$", "") : s;
    }
}

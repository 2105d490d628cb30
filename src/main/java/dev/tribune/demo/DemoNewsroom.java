package dev.tribune.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.App;
import dev.tribune.discussion.NewComment;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Site;
import dev.tribune.publishing.Newsroom;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds The Harbour Gazette from the files under resources/demo: authors, articles and their
 * discussions, through the same services as everything else. Votes become real vote rows.
 */
public final class DemoNewsroom {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final App app;

    public DemoNewsroom(App app) {
        this.app = app;
    }

    /** Creates the demo site (host localhost) unless a site exists already; returns it. */
    public Site seed() {
        if (!app.sites.all().isEmpty()) return app.sites.all().get(0);
        JsonNode root = read("/demo/newsroom.json");
        Site site = app.sites.add("localhost", root.path("site").path("name").asText());
        app.sites.setTagline(site.id(), root.path("site").path("tagline").asText(""));
        Map<String, Author> authors = new HashMap<>();
        for (JsonNode a : root.path("authors")) {
            Author au = app.newsroom.addAuthor(site.id(), a.path("slug").asText(), a.path("name").asText(), a.path("bio").asText(), null);
            authors.put(au.slug(), au);
        }
        Instant now = Instant.now();
        int voter = 0;
        for (JsonNode a : root.path("articles")) {
            Instant published = now.minus(Duration.ofMinutes((long) (a.path("hoursAgo").asDouble() * 60)));
            List<String> tags = new ArrayList<>();
            a.path("tags").forEach(t -> tags.add(t.asText()));
            Author au = authors.get(a.path("author").asText());
            Article article = app.newsroom.create(site.id(), new Newsroom.ArticleDraft(a.path("slug").asText(),
                    a.path("headline").asText(), a.path("standfirst").asText(), a.path("body").asText(),
                    au == null ? null : au.id(), tags, published));
            long discussion = app.discussions.forArticle(article.id()).orElseThrow().id();
            if (!a.path("thread").isNull() && !a.path("thread").asText().isEmpty()) {
                for (JsonNode c : read("/demo/threads/" + a.path("thread").asText())) {
                    voter = addComment(discussion, null, c, published, voter);
                }
            }
            if (!a.path("commentsOpen").asBoolean(true)) app.discussions.setOpen(discussion, false);
        }
        return site;
    }

    private int addComment(long discussion, Long parent, JsonNode c, Instant published, int voter) {
        Instant at = published.plus(Duration.ofMinutes(c.path("minutesAfter").asLong()));
        if (at.isAfter(Instant.now())) at = Instant.now();
        Commenter writer = new Commenter(null, "demo-writer:" + c.path("name").asText(), null);
        Comment saved = app.comments.importPublished(new NewComment(discussion, parent, c.path("name").asText(), null,
                c.path("body").asText(), writer), at);
        int score = c.path("score").asInt();
        for (int i = 0; i < Math.abs(score); i++) {
            app.votes.vote(saved.id(), score > 0 ? 1 : -1, new Commenter(null, "demo-voter:" + (voter + i), null));
        }
        voter += Math.abs(score);
        for (JsonNode r : c.path("replies")) voter = addComment(discussion, saved.id(), r, published, voter);
        return voter;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DemoNewsroom.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing demo resource " + resource);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo resource " + resource + ": " + e.getMessage(), e);
        }
    }
}

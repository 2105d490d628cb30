package dev.tribune.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.discussion.CommentSearch;
import dev.tribune.domain.CommentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared corpus through the search API: every query finds exactly its expected set (order
 * is free among ties), and the few unambiguous queries put their expected article first.
 */
@OnEveryDatabase
class SearchCorpusIT {
    @Parameter TestDatabase database;
    static final ObjectMapper JSON = new ObjectMapper();
    static TestTribune t;
    static SearchCorpus corpus;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        t = TestTribune.start(database);
        corpus = SearchCorpus.seed(t.app, t.site.id(), t.author.id());
    }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    static JsonNode search(String kind, String q) throws Exception {
        HttpResponse<String> r = t.get(TestTribune.browser(), "/api/v1/search/" + kind + "?limit=50&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static List<String> slugs(String q) throws Exception {
        List<String> out = new ArrayList<>();
        search("articles", q).get("articles").forEach(a -> out.add(a.get("slug").asText()));
        return out;
    }

    @Test
    void everyArticleQueryFindsExactlyItsExpectedSet() throws Exception {
        Map<String, List<String>> found = new HashMap<>();
        for (String q : SearchCorpus.ARTICLE_QUERIES.keySet()) found.put(q, slugs(q));
        for (var e : SearchCorpus.ARTICLE_QUERIES.entrySet()) {
            assertThat(found.get(e.getKey())).as("articles for \"" + e.getKey() + "\"").containsExactlyInAnyOrderElementsOf(e.getValue());
        }
    }

    @Test
    void unambiguousQueriesPutTheHeadlineMatchFirst() throws Exception {
        for (var e : SearchCorpus.TOP_HITS.entrySet()) {
            assertThat(slugs(e.getKey())).as("best match for \"" + e.getKey() + "\"").first().isEqualTo(e.getValue());
        }
    }

    @Test
    void everyCommentQueryFindsExactlyThePublishedCommentsExpected() throws Exception {
        Map<Long, String> keyOf = new HashMap<>();
        corpus.comments.forEach((k, id) -> keyOf.put(id, k));
        for (var e : SearchCorpus.COMMENT_QUERIES.entrySet()) {
            List<String> keys = new ArrayList<>();
            search("comments", e.getKey()).get("comments").forEach(c -> keys.add(keyOf.get(c.get("id").asLong())));
            assertThat(keys).as("comments for \"" + e.getKey() + "\"").containsExactlyInAnyOrderElementsOf(e.getValue());
        }
    }

    @Test
    void staffFindEveryStatusAndNarrowByStatusWriterAndArticle() {
        assertThat(staff("zeppelin", "", "", null)).containsExactlyInAnyOrder("held", "hidden", "on-draft");
        assertThat(staff("zeppelin", "", "", CommentStatus.PENDING)).containsExactly("held");
        assertThat(staff("zeppelin", "", "", CommentStatus.REJECTED)).containsExactly("hidden");
        assertThat(staff("", "marta", "ferry", null)).containsExactly("evening");
        assertThat(staff("", "MARTA", "", CommentStatus.PUBLISHED)).containsExactlyInAnyOrder("evening", "diesel");
        assertThat(staff("", "100%", "", null)).isEmpty();
    }

    static List<String> staff(String words, String author, String article, CommentStatus status) {
        Map<Long, String> keyOf = new HashMap<>();
        corpus.comments.forEach((k, id) -> keyOf.put(id, k));
        return t.app.commentSearch.forStaff(t.site.id(), new CommentSearch.Filter(SearchQuery.parse(words), author, article, status), 50)
                .stream().map(h -> keyOf.get(h.comment().id())).toList();
    }

    @Test
    void snippetsMarkTheMatchedWordsAndEscapeEverythingStored() throws Exception {
        JsonNode a = search("articles", "xylophone").get("articles").get(0);
        assertThat(a.get("snippetHtml").asText()).contains("<mark>xylophone</mark>").doesNotContain("<script");
        assertThat(a.get("headlineHtml").asText()).isEqualTo("Markup in the &lt;b&gt;newsroom&lt;/b&gt;");
        assertThat(a.get("headline").asText()).isEqualTo("Markup in the <b>newsroom</b>");

        JsonNode newsroom = search("articles", "newsroom").get("articles").get(0);
        assertThat(newsroom.get("headlineHtml").asText()).isEqualTo("Markup in the &lt;b&gt;<mark>newsroom</mark>&lt;/b&gt;");

        // PostgreSQL's parser drops tag-like text from its snippets; SQLite's shows it, escaped. Neither passes it on as markup.
        JsonNode c = search("comments", "quokka").get("comments").get(0);
        assertThat(c.get("snippetHtml").asText()).contains("<mark>quokka</mark>").contains("&quot;quote&quot; &amp;")
                .doesNotContain("<img");
        assertThat(c.get("author").asText()).isEqualTo("<b>Mallory</b>");

        JsonNode prefix = search("articles", "oyster").get("articles").get(0);
        assertThat(prefix.get("headlineHtml").asText()).isEqualTo("<mark>Oyster</mark> beds recover in the sound");
        assertThat(prefix.get("snippetHtml").asText()).contains("<mark>oysters</mark>");
    }
}

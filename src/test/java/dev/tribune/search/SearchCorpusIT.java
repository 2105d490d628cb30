package dev.tribune.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.TestTribune;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
class SearchCorpusIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static TestTribune t;
    static SearchCorpus corpus;

    @BeforeAll
    static void start() {
        t = TestTribune.start();
        corpus = SearchCorpus.seed(t.app, t.site.id(), t.author.id());
    }

    @AfterAll
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
    void snippetsMarkTheMatchedWordsAndEscapeEverythingStored() throws Exception {
        JsonNode a = search("articles", "xylophone").get("articles").get(0);
        assertThat(a.get("snippetHtml").asText()).contains("<mark>xylophone</mark>").doesNotContain("<script");
        assertThat(a.get("headlineHtml").asText()).isEqualTo("Markup in the &lt;b&gt;newsroom&lt;/b&gt;");
        assertThat(a.get("headline").asText()).isEqualTo("Markup in the <b>newsroom</b>");

        JsonNode newsroom = search("articles", "newsroom").get("articles").get(0);
        assertThat(newsroom.get("headlineHtml").asText()).isEqualTo("Markup in the &lt;b&gt;<mark>newsroom</mark>&lt;/b&gt;");

        JsonNode c = search("comments", "quokka").get("comments").get(0);
        assertThat(c.get("snippetHtml").asText()).contains("<mark>quokka</mark>").contains("&lt;img src=x").contains("&quot;quote&quot; &amp;")
                .doesNotContain("<img");
        assertThat(c.get("author").asText()).isEqualTo("<b>Mallory</b>");

        JsonNode prefix = search("articles", "oyster").get("articles").get(0);
        assertThat(prefix.get("headlineHtml").asText()).isEqualTo("<mark>Oyster</mark> beds recover in the sound");
        assertThat(prefix.get("snippetHtml").asText()).contains("<mark>oysters</mark>");
    }
}

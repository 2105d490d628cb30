package dev.tribune.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTest {

    @Test
    void rendersTheCommentSubset() {
        String html = Markdown.comment("Some *emphasis* and **strong**.\n\n> a quote\n\n- one\n- two\n\nUse `code` here.");
        assertThat(html).contains("<em>emphasis</em>", "<strong>strong</strong>", "<blockquote>", "<li>one</li>", "<code>code</code>");
    }

    @Test
    void linksGetNofollowUgcNoopener() {
        String html = Markdown.comment("[port](https://example.org/port)");
        assertThat(html).contains("href=\"https://example.org/port\"").containsPattern("rel=\"[^\"]*nofollow[^\"]*\"").containsPattern("rel=\"[^\"]*ugc[^\"]*\"")
                .containsPattern("rel=\"[^\"]*noopener[^\"]*\"");
    }

    @Test
    void headingsAndImagesAreNotPartOfComments() {
        String html = Markdown.comment("# Big\n\n![x](https://example.org/x.png)");
        assertThat(html).doesNotContain("<h1").doesNotContain("<img");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "> <script>alert(1)</script>",
            "- <b onclick=alert(1)>b</b>",
            "![x](javascript:alert(1))",
            "<style>body{display:none}</style>",
            "[x](vbscript:msgbox(1))",
            "`<script>` is fine as code but <script>not as markup</script>"
    })
    void noExecutableMarkupSurvives(String payload) {
        String html = Markdown.comment(payload).toLowerCase();
        assertThat(html).doesNotContain("<script", "<img", "<iframe", "<svg", "<style", "<div")
                .doesNotContainPattern("(href|src)\\s*=\\s*\"?\\s*(javascript|vbscript|data):")
                .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
    }

    @Test
    void rawHtmlIsShownAsTextNotDropped() {
        assertThat(Markdown.comment("I <3 the <b>port</b>")).contains("&lt;b&gt;port&lt;/b&gt;");
    }

    @Test
    void articlesMayHaveHeadingsButNoScripts() {
        String html = Markdown.article("## Section\n\n<script>x</script>\n\n![map](https://example.org/map.png)");
        assertThat(html).contains("<h2>Section</h2>").contains("<img").doesNotContain("<script");
    }
}

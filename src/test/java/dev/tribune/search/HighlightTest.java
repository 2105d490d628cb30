package dev.tribune.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightTest {
    static final String O = String.valueOf(Highlight.OPEN);
    static final String C = String.valueOf(Highlight.CLOSE);

    @Test
    void storedTextIsEscapedBeforeTheMarksAreAdded() {
        assertThat(Highlight.html("<script>alert(1)</script> the " + O + "harbour" + C + " & \"quay\" 'x'"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; the <mark>harbour</mark> &amp; &quot;quay&quot; &#39;x&#39;");
    }

    @Test
    void strayMarkerCharactersInStoredTextNeverUnbalanceTheMarkup() {
        assertThat(Highlight.html(C + "a " + O + O + "b" + C + C + " " + O + "c")).isEqualTo("a <mark>b</mark> <mark>c</mark>");
    }

    @Test
    void markdownMarkupAndLineBreaksAreDropped() {
        assertThat(Highlight.html("> \"We will see,\"\n\n# Heading with *stress* and `code`\n2 > 1"))
                .isEqualTo("&quot;We will see,&quot; Heading with stress and code 2 &gt; 1");
        assertThat(Highlight.html(null)).isEmpty();
    }
}

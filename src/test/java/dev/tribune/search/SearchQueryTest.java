package dev.tribune.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTest {

    @Test
    void operatorsAndQuotesBecomePlainWords() {
        assertThat(SearchQuery.parse("\"harbour\" NEAR(vote* OR (tax)) -ferry ^x").terms())
                .containsExactly("harbour", "near", "vote", "or", "tax", "ferry", "x");
    }

    @Test
    void nothingButPunctuationIsAnEmptyQuery() {
        assertThat(SearchQuery.parse("\"*()^:-+~'").isEmpty()).isTrue();
        assertThat(SearchQuery.parse(null).isEmpty()).isTrue();
        assertThat(SearchQuery.parse("   ").isEmpty()).isTrue();
    }

    @Test
    void wordsAreLowerCasedDeduplicatedAndKeepTheirLetters() {
        assertThat(SearchQuery.parse("Café CAFÉ café 2029 Port-Alder").terms()).containsExactly("café", "2029", "port", "alder");
    }

    @Test
    void longInputIsCutToTheLimits() {
        SearchQuery q = SearchQuery.parse("a b c d e f g h i j k l");
        assertThat(q.terms()).hasSize(SearchQuery.MAX_TERMS);
        SearchQuery longWord = SearchQuery.parse("x".repeat(5000));
        assertThat(longWord.typed()).hasSize(SearchQuery.MAX_CHARS);
        assertThat(longWord.terms()).containsExactly("x".repeat(SearchQuery.MAX_TERM_CHARS));
    }
}

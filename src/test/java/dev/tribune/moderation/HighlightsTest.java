package dev.tribune.moderation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    static String marked(String text, List<String> phrases) {
        StringBuilder s = new StringBuilder();
        for (Highlights.Segment seg : Highlights.mark(text, phrases)) s.append(seg.marked() ? "[" + seg.text() + "]" : seg.text());
        return s.toString();
    }

    @Test
    void marksWordsSpelledWithTricksAndLeavesPunctuationOut() {
        assertThat(marked("Utter bullsh1t, frankly.", List.of("bullshit"))).isEqualTo("Utter [bullsh1t], frankly.");
        assertThat(marked("What an IDIOT!", List.of("idiot"))).isEqualTo("What an [IDIOT]!");
    }

    @Test
    void wildcardsPhrasesAndAllowedWords() {
        assertThat(marked("Clowns and a clownfish", List.of("clown*"))).isEqualTo("[Clowns] and a [clownfish]");
        assertThat(marked("Sing White Power songs", List.of("white power"))).isEqualTo("Sing [White Power] songs");
        assertThat(marked("Scunthorpe is lovely", List.of("*cunt*"))).isEqualTo("Scunthorpe is lovely");
    }

    @Test
    void noPhrasesMarkNothingAndTheTextIsKeptWhole() {
        assertThat(Highlights.mark("Plain text\nover lines", List.of())).containsExactly(new Highlights.Segment("Plain text\nover lines", false));
        assertThat(marked("", List.of("x"))).isEmpty();
    }

    @Test
    void theSitesWordRulesNameTheirHits() {
        Policy p = Policy.BALANCED.with(java.util.Map.of("suspectWords", "grifter"));
        assertThat(Highlights.wordHits(p, "A gr1fter and a fine fellow")).containsExactly("grifter");
    }
}

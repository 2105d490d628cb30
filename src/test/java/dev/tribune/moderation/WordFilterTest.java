package dev.tribune.moderation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordFilterTest {
    static final WordFilter SHIPPED = WordFilter.shipped();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // case and inflections
            "What the FUCK is this|*fuck*",
            "you bastards|bastard",
            // leetspeak
            "this is sh1t|*shit*",
            "total $hit|*shit*",
            "sh!t happens|*shit*",
            "what a b1tch|bitch*",
            "what an a$$hole|*asshole*",
            // look-alike letters from other scripts, accents, full-width, invisible characters
            "\u0455hit happens|*shit*",
            "sh\u0456t happens|*shit*",
            "f\u00fcck|*fuck*",
            "\uff46\uff55\uff43\uff4b|*fuck*",
            "fu\u200bck|*fuck*",
            // spacing tricks
            "f u c k this|*fuck*",
            "f.u.c.k this|*fuck*",
            "f-u-c-k this|*fuck*",
            "s h i t|*shit*",
            // repeated letters
            "fuuuuuck|*fuck*",
            "shiiiit|*shit*",
            "biiiitch|bitch*",
            // phrases
            "white   power forever|white power",
    })
    void findsListedWordsThroughSpellingTricks(String text, String entry) {
        List<WordFilter.Hit> hits = SHIPPED.find(text);
        if (entry == null) assertThat(hits).isEmpty();
        else assertThat(hits).extracting(WordFilter.Hit::entry).contains(entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scunthorpe United won", "The assessment is due", "In the cockpit", "A careful analysis",
            "The bassist left the band", "Dominic Cummings said", "shiitake mushrooms", "a niggardly budget",
            "Dickens wrote it", "The classic pass", "glass and grass", "I saw 2024 figures", "Essex and Sussex",
            "Wow!! Great piece!", "a cocktail party", "mishit the ball", "Cockney accent", "snigger at that"})
    void harmlessWordsPass(String text) {
        assertThat(SHIPPED.find(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"fuck|fuck", "FuCk|fuck", "sh1t|shit", "$hit|shit", "a$$hole|asshole", "h\u0435llo|hello",
            "\u0440\u0430\u0443\u0440\u0430l|paypal", "caf\u00e9|cafe", "stra\u00dfe|strasse", "2024|2024"})
    void normalizesOneWord(String in, String out) {
        assertThat(Normalizer.words(in)).extracting(Normalizer.Word::text).containsExactly(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"fuuuuck|fuck", "ass|as", "book|bok", "shiiit|shit"})
    void squeezesRepeatedLetters(String in, String out) {
        assertThat(Normalizer.squeeze(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a slur: nigger|REJECT", "n1gg3r|REJECT", "n i g g e r|REJECT", "you faggot|REJECT",
            "damn fuck|HOLD"})
    void slursRejectAndProfanityHolds(String text, WordFilter.Severity severity) {
        assertThat(SHIPPED.find(text).get(0).severity()).isEqualTo(severity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad*", "*bad*"})
    void aSiteAllowedWordCancelsAHitInsideIt(String entry) {
        WordFilter f = WordFilter.builder().add(List.of(entry), WordFilter.Severity.HOLD).allow(List.of("badminton")).build();
        assertThat(f.find("badminton tonight")).isEmpty();
        assertThat(f.find("bad badness")).isNotEmpty();
    }
}

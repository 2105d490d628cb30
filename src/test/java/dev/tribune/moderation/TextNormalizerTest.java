package dev.tribune.moderation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private static String norm(String s) {
        return TextNormalizer.normalize(s).text();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I h4te you|i hate you",
            "sh!t happens|shit happens",
            "what an @ss|what an ass",
            "y0u 1d10t|you idiot",
            "st*pid|st*pid",
            "stuuuuupid|stuupid",
            "f u c k this|fuck this",
            "f.u.c.k|fuck",
            "ＩＤＩＯＴ|idiot",
            "𝐢𝐝𝐢𝐨𝐭|idiot",
            "іdіоt|idiot",
            "id\u200Biot|idiot",
            "Café naïve|cafe naive",
            "don't|dont",
    })
    void undoesCommonTricks(String input, String expected) {
        assertThat(norm(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the 1st of May 2020|the 1st of may 2020",
            "it costs $5!|it costs $5!",
            "in the 90s|in the 90s",
            "good book|good book",
            "I am a fan|i am a fan",
            "@newsdesk thanks|@newsdesk thanks",
    })
    void leavesOrdinaryTextAlone(String input, String expected) {
        assertThat(norm(input)).isEqualTo(expected);
    }

    @Test
    void replacesLinksWithOneToken() {
        assertThat(norm("see https://spam.example/win?x=1 now")).isEqualTo("see  httpurl  now");
    }

    @Test
    void marksQuotedText() {
        NormalizedText nt = TextNormalizer.normalize("He said \"you utter idiot\" to me\n> another quote\nmine");
        String text = nt.text();
        assertThat(nt.quoted[text.indexOf("idiot")]).isTrue();
        assertThat(nt.quoted[text.indexOf("another")]).isTrue();
        assertThat(nt.quoted[text.indexOf("mine")]).isFalse();
        assertThat(nt.quoted[text.indexOf("said")]).isFalse();
    }

    @Test
    void scareQuotesAreTheWritersOwnVoice() {
        NormalizedText nt = TextNormalizer.normalize("The \"journalist\" is a \"total idiot\"");
        assertThat(nt.quoted[nt.text().indexOf("journalist")]).isFalse();
        assertThat(nt.quoted[nt.text().indexOf("idiot")]).isFalse();
    }

    @Test
    void unclosedQuoteMarksNothing() {
        NormalizedText nt = TextNormalizer.normalize("He said \"you are wrong and I am right");
        assertThat(nt.quoted[nt.text().indexOf("wrong")]).isFalse();
    }

    @Test
    void keepsTheWayBackToTheOriginal() {
        String original = "You are an 1d10t!";
        NormalizedText nt = TextNormalizer.normalize(original);
        int at = nt.text().indexOf("idiot");
        assertThat(original.charAt(nt.origin[at])).isEqualTo('1');
    }

    @Test
    void spellsOutEmojiAndIgnoresSkinTone() {
        assertThat(norm("you 🐀")).contains("rat");
        assertThat(norm("👍🏾")).isEqualTo(norm("👍"));
    }

    @Test
    void survivesAnything() {
        for (String s : new String[] {"", " ", "\uD83D", "👳🏾 😂😂😂", "\u0000\u0001", "a".repeat(100_000), "'''\"\"\"> > >"}) {
            assertThat(TextNormalizer.normalize(s)).isNotNull();
        }
    }
}

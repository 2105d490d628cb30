package dev.tribune.moderation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedModelTest {
    private static final Classifiers MODELS = Classifiers.loadShipped();

    @Test
    void abuseScoresHigherThanCivilComment() {
        TextScores abusive = MODELS.score("You are a pathetic, brain-dead moron and nobody wants you here.");
        TextScores civil = MODELS.score("I think the council should publish the budget before the vote; thanks for reporting this.");
        assertThat(abusive.toxicity()).isGreaterThan(0.5).isGreaterThan(civil.toxicity() + 0.3);
        assertThat(abusive.reasons()).isNotEmpty();
    }

    @Test
    void spamScoresHigherThanComment() {
        TextScores spam = MODELS.score("Check out my channel and subscribe!! Free gift cards at http://win.example");
        TextScores civil = MODELS.score("The mayor's plan for the river front seems rushed to me.");
        assertThat(spam.spam()).isGreaterThan(civil.spam() + 0.3);
    }

    @Test
    void scoresStayInsideZeroAndOne() {
        Random rnd = new Random(5);
        List<String> odd = List.of("", " ", "!!!!!!!", "😂".repeat(300), "a".repeat(50_000), "\uD800", "> > >", "\"\"\"");
        for (String s : odd) assertBounded(MODELS.score(s));
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < rnd.nextInt(400); k++) sb.append((char) rnd.nextInt(0x3000));
            assertBounded(MODELS.score(sb.toString()));
        }
        assertBounded(MODELS.score(null));
    }

    private static void assertBounded(TextScores s) {
        assertThat(s.toxicity()).isBetween(0.0, 1.0);
        assertThat(s.spam()).isBetween(0.0, 1.0);
        assertThat(s.reasons()).isNotNull();
    }

    @Test
    void quotingAbuseToCondemnItScoresLowerThanTheAbuse() {
        double abuse = MODELS.score("Immigrants are vermin.").toxicity();
        double quoted = MODELS.score("The senator said \"immigrants are vermin\" and the paper rightly condemned it.").toxicity();
        assertThat(quoted).isLessThan(abuse);
    }

    @Test
    void handlesOurFunctionalCasesBetterThanBagOfWords() throws Exception {
        // a plain bag-of-words model trained on the same data scores about 0.71 here
        java.nio.file.Path cases = java.nio.file.Path.of(getClass().getResource("/moderation/functional-cases.jsonl").toURI());
        List<Example> examples = LabeledData.read(cases, "toxicity");
        TextClassifier model = MODELS.toxicityModel();
        double[] p = examples.stream().mapToDouble(e -> model.probability(e.text())).toArray();
        int[] y = examples.stream().mapToInt(Example::label).toArray();
        assertThat(Metrics.of(p, y, model.threshold()).rocAuc()).isGreaterThan(0.8);
    }

    @Test
    void sameAnswerFromManyThreads() throws Exception {
        String text = "What a stupid idea, you clown.";
        double expected = MODELS.score(text).toxicity();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger mismatches = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 500; i++) if (MODELS.score(text).toxicity() != expected) mismatches.incrementAndGet();
            }));
        }
        for (Thread th : threads) th.join();
        assertThat(mismatches.get()).isZero();
    }
}

package dev.tribune.moderation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/** Reads the third-party sets in ../shared/data; in CI their absence is a failure, elsewhere a skip. */
class SharedDataTest {
    private static Path data;

    @BeforeAll
    static void findData() {
        data = DataPaths.sharedData();
        if (!Files.isDirectory(data.resolve("moderation"))) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI needs the shared data at " + data);
            abort("no shared data at " + data);
        }
    }

    @Test
    void readsEachLayout() throws Exception {
        assertThat(LabeledData.read(data.resolve("moderation/davidson-hate-offensive"), "toxicity")).hasSize(24_783);
        assertThat(LabeledData.read(data.resolve("moderation/sms-spam"), "spam")).hasSize(5_574);
        assertThat(LabeledData.read(data.resolve("moderation/youtube-spam"), "spam")).hasSize(1_956);
        List<Example> stormfront = LabeledData.read(data.resolve("moderation/stormfront-hate"), "toxicity");
        assertThat(stormfront.stream().filter(e -> e.label() == 1)).hasSize(1_196);
        List<Example> civil = LabeledData.read(data.resolve("moderation/civil-comments-toxic-spans"), "toxicity");
        assertThat(civil.stream().filter(e -> e.source().equals("civil-comments"))).hasSize(16_100);
        assertThat(civil.stream().filter(e -> e.source().equals("civil-sentences") && e.label() == 0)).hasSizeGreaterThan(5_000);
    }

    @Test
    void toxicityModelSeparatesTheJigsawSample() throws Exception {
        TextClassifier model = Classifiers.loadShipped().toxicityModel();
        List<Example> sample = LabeledData.read(data.resolve("moderation/jigsaw-wikipedia-sample"), "toxicity");
        double[] p = sample.stream().mapToDouble(e -> model.probability(e.text())).toArray();
        int[] y = sample.stream().mapToInt(Example::label).toArray();
        assertThat(Metrics.of(p, y, model.threshold()).rocAuc()).isGreaterThan(0.85);
    }
}

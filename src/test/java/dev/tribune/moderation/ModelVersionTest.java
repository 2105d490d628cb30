package dev.tribune.moderation;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ModelVersionTest {
    static TextClassifier small(String description) {
        TextClassifier m = new ModelTrainer(ModelTrainer.Options.standard(12)).train(ModelTrainerTest.generated(200, 3), "toxicity");
        return new TextClassifier(m.target, description, m.settings, m.weights, m.bias, m.calibA, m.calibB, m.threshold);
    }

    @Test
    void aNewsroomModelCarriesItsVersionTimeAndDataThroughTheFile() throws Exception {
        Instant at = Instant.parse("2026-11-29T04:30:00Z");
        Path dir = Files.createTempDirectory("models");
        Path file = dir.resolve("toxicity.model");
        assertThat(NewsroomModels.nextVersion(file)).isEqualTo(1);
        ModelFile.write(small(ModelVersion.stamp("toxicity model, format 1, 180 training examples from site-a", 4, at,
                "12 moderator decisions from localhost (5 rejected)")), file);
        ModelVersion v = Classifiers.withToxicity(file).toxicityVersion();
        assertThat(v.newsroom()).isTrue();
        assertThat(v.version()).isEqualTo(4);
        assertThat(v.trainedAt()).isEqualTo(at);
        assertThat(v.data()).contains("12 moderator decisions from localhost");
        assertThat(v.sha256()).hasSize(64).isEqualTo(ModelVersion.sha256(Files.readAllBytes(file)));
        assertThat(v.label()).startsWith("newsroom-trained v4, trained 2026-11-29T04:30:00Z (sha256 " + v.sha256().substring(0, 12));
        assertThat(NewsroomModels.nextVersion(file)).isEqualTo(5);
        // the folder's model replaces the shipped one; an empty folder runs the shipped one
        assertThat(new NewsroomModels(dir).load().toxicityVersion().version()).isEqualTo(4);
        assertThat(new NewsroomModels(dir.resolve("empty")).load().toxicityVersion().newsroom()).isFalse();
    }

    @Test
    void theShippedModelIsKnownAsShippedWithTheHashOfItsBytes() throws Exception {
        ModelVersion v = Classifiers.loadShipped().toxicityVersion();
        assertThat(v.newsroom()).isFalse();
        byte[] bytes;
        try (var in = getClass().getClassLoader().getResourceAsStream("moderation/toxicity.model")) {
            bytes = in.readAllBytes();
        }
        assertThat(v.sha256()).isEqualTo(ModelVersion.sha256(bytes));
        assertThat(v.label()).startsWith("shipped (sha256 ");
    }

    @Test
    void aDamagedNewsroomModelStopsStartUpWithOneLine() throws Exception {
        Path dir = Files.createTempDirectory("models");
        Files.writeString(dir.resolve("toxicity.model"), "not a model");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NewsroomModels(dir).load())
                .isInstanceOf(dev.tribune.config.Settings.BadSetting.class)
                .hasMessageContaining("cannot read the newsroom's toxicity model").hasMessageContaining("shipped model");
    }

    @Test
    void decisionsWeighTheShareTheyAreGiven() {
        var base = ModelTrainerTest.generated(2000, 5);
        var decisions = DecisionTraining.examples(java.util.List.of(
                new ModeratorLabels.Label(1, 1, "first take", 0, "approve", Instant.EPOCH),
                new ModeratorLabels.Label(1, 2, "you blow-in", 1, "abusive", Instant.EPOCH),
                new ModeratorLabels.Label(1, 1, "first take", 1, "hide", Instant.EPOCH.plusSeconds(5))));
        // the later hide of comment 1 is its last word
        assertThat(decisions).hasSize(2).allMatch(e -> e.label() == 1);
        double w = DecisionTraining.weightForShare(base, decisions, 0.25);
        java.util.List<Example> all = new java.util.ArrayList<>(base);
        all.addAll(decisions);
        double[] weights = new ModelTrainer(ModelTrainer.Options.standard(12), java.util.Map.of(DecisionTraining.SOURCE, w)).weights(all);
        double total = 0, mine = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            if (all.get(i).source().equals(DecisionTraining.SOURCE)) mine += weights[i];
        }
        assertThat(mine / total).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(DecisionTraining.defaultShare(0)).isEqualTo(0.1);
        assertThat(DecisionTraining.defaultShare(250)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(DecisionTraining.defaultShare(5000)).isEqualTo(0.3);
    }
}

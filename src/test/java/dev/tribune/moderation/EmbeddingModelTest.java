package dev.tribune.moderation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingModelTest {
    /**
     * "a" alone and "b" alone are positive, both together negative: no weighting of single
     * features separates that, a hidden layer does (as "not" with an insult needs).
     */
    @Test
    void learnsACombinationNoSingleWordWeightCanExpress() {
        int[][] kinds = {{11}, {22}, {11, 22}, {33}};
        int[] kindLabels = {1, 1, 0, 0};
        int n = 400;
        int[][] hashes = new int[n][];
        float[][] values = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % kinds.length;
            hashes[i] = kinds[k];
            values[i] = new float[kinds[k].length];
            Arrays.fill(values[i], (float) (1 / Math.sqrt(kinds[k].length)));
            labels[i] = kindLabels[k];
        }
        double[] weights = new double[n];
        Arrays.fill(weights, 1.0);
        EmbeddingModel m = EmbeddingModel.train(8, 8, 8, hashes, values, labels, weights, 30, 0.1, 7L);
        double a = m.score(new int[] {11}, new float[] {1f});
        double b = m.score(new int[] {22}, new float[] {1f});
        float half = (float) (1 / Math.sqrt(2));
        double both = m.score(new int[] {11, 22}, new float[] {half, half});
        double neither = m.score(new int[] {33}, new float[] {1f});
        assertThat(Math.min(a, b)).isGreaterThan(Math.max(both, neither));
    }

    @Test
    void sameDataSameNumbers() {
        int[][] hashes = {{1, 2}, {3}, {2, 4}, {5}};
        float[][] values = {{0.7f, 0.7f}, {1f}, {0.7f, 0.7f}, {1f}};
        int[] labels = {1, 0, 1, 0};
        double[] weights = {1, 1, 1, 1};
        EmbeddingModel x = EmbeddingModel.train(6, 4, 4, hashes, values, labels, weights, 3, 0.05, 1L);
        EmbeddingModel y = EmbeddingModel.train(6, 4, 4, hashes, values, labels, weights, 3, 0.05, 1L);
        assertThat(x.vectors).isEqualTo(y.vectors);
        assertThat(x.layer).isEqualTo(y.layer);
        assertThat(x.outBias).isEqualTo(y.outBias);
    }

    @Test
    void aModelWithTheSecondOpinionRoundTripsThroughTheFile() throws Exception {
        TextClassifier words = new ModelTrainer(ModelTrainer.Options.standard(14)).train(ModelTrainerTest.generated(400, 3), "toxicity");
        int[][] hashes = {{1, 2}, {3}, {2, 4}, {5}};
        float[][] values = {{0.7f, 0.7f}, {1f}, {0.7f, 0.7f}, {1f}};
        EmbeddingModel second = EmbeddingModel.train(10, 4, 4, hashes, values, new int[] {1, 0, 1, 0}, new double[] {1, 1, 1, 1}, 2, 0.05, 1L);
        TextClassifier both = new TextClassifier("toxicity", "test", words.settings, words.weights, words.bias,
                words.calibA, words.calibB, words.threshold, second, 0.5f);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ModelFile.write(both, out);
        TextClassifier read = ModelFile.read(new java.io.ByteArrayInputStream(out.toByteArray()));
        String text = "the council vote on the bridge, you pathetic moron. Not a clown though.";
        assertThat(read.context).isNotNull();
        assertThat(read.logit(text)).isCloseTo(both.logit(text), org.assertj.core.data.Offset.offset(1e-2))
                .isNotCloseTo(words.logit(text), org.assertj.core.data.Offset.offset(1e-3));
    }
}

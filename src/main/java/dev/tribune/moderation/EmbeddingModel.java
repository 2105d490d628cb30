package dev.tribune.moderation;

import java.util.Random;

/**
 * The second opinion beside the word weights: a small neural network over learned word
 * vectors. Each word, word pair and negated word has a short vector; a passage's vectors are
 * summed, passed through one hidden layer and read out as a score. The hidden layer can learn
 * combinations that single word weights cannot ("not" with an insult, "they say" with a slur).
 * Immutable once trained, so one instance serves all threads.
 */
final class EmbeddingModel {
    final int bits;
    final int dim;
    final int hidden;
    /** One vector of {@code dim} numbers per bucket. */
    final float[] vectors;
    /** Hidden layer: {@code hidden} rows of {@code dim} weights, then one bias per row. */
    final float[] layer;
    final float[] layerBias;
    /** Read-out: one weight per hidden unit. */
    final float[] out;
    final float outBias;

    EmbeddingModel(int bits, int dim, int hidden, float[] vectors, float[] layer, float[] layerBias, float[] out, float outBias) {
        this.bits = bits;
        this.dim = dim;
        this.hidden = hidden;
        this.vectors = vectors;
        this.layer = layer;
        this.layerBias = layerBias;
        this.out = out;
        this.outBias = outBias;
    }

    /** Per-token sums of the vectors of its features ({@code tokens × dim}), and feature counts. */
    float[] tokenVectors(TextFeatures.FeatureList fl, int[] count) {
        int n = fl.tokens.count;
        float[] tv = new float[Math.max(1, n) * dim];
        int mask = (1 << bits) - 1;
        for (int k = 0; k < fl.size; k++) {
            int t = fl.token[k];
            int row = (fl.hash[k] & mask) * dim;
            float v = fl.value[k];
            int base = t * dim;
            for (int d = 0; d < dim; d++) tv[base + d] += v * vectors[row + d];
            count[t]++;
        }
        return tv;
    }

    /** The score of tokens [from, to), given their vectors from {@link #tokenVectors}. */
    double score(float[] tv, int[] count, int from, int to) {
        float[] x = new float[dim];
        int c = 0;
        for (int t = from; t < to; t++) {
            c += count[t];
            int base = t * dim;
            for (int d = 0; d < dim; d++) x[d] += tv[base + d];
        }
        if (c > 0) {
            float s = (float) (1 / Math.sqrt(c));
            for (int d = 0; d < dim; d++) x[d] *= s;
        }
        return forward(x, null);
    }

    /** Hidden layer and read-out; fills {@code act} with the hidden activations when given. */
    private double forward(float[] x, float[] act) {
        double z = outBias;
        for (int h = 0; h < hidden; h++) {
            double a = layerBias[h];
            int row = h * dim;
            for (int d = 0; d < dim; d++) a += layer[row + d] * x[d];
            float th = (float) Math.tanh(a);
            if (act != null) act[h] = th;
            z += out[h] * th;
        }
        return z;
    }

    /**
     * Trains by AdaGrad on examples already read into buckets and values (values scaled by
     * 1/√count); single-threaded with a fixed seed, so the same data gives the same numbers.
     */
    static EmbeddingModel train(int bits, int dim, int hidden, int[][] hashes, float[][] values, int[] labels,
                                double[] weights, int epochs, double learningRate, long seed) {
        int buckets = 1 << bits;
        int mask = buckets - 1;
        Random rnd = new Random(seed);
        float[] vectors = new float[buckets * dim];
        for (int i = 0; i < vectors.length; i++) vectors[i] = (float) ((rnd.nextDouble() - 0.5) * 0.2);
        float[] layer = new float[hidden * dim];
        double scale = 1 / Math.sqrt(dim);
        for (int i = 0; i < layer.length; i++) layer[i] = (float) ((rnd.nextDouble() - 0.5) * 2 * scale);
        float[] layerBias = new float[hidden];
        float[] out = new float[hidden];
        for (int h = 0; h < hidden; h++) out[h] = (float) ((rnd.nextDouble() - 0.5) * 2 / Math.sqrt(hidden));
        float[] outBias = {0};
        // AdaGrad sums: one per vector row, one per dense weight
        float[] rowG2 = new float[buckets];
        float[] layerG2 = new float[layer.length];
        float[] layerBiasG2 = new float[hidden];
        float[] outG2 = new float[hidden];
        float[] outBiasG2 = {0};
        EmbeddingModel m = new EmbeddingModel(bits, dim, hidden, vectors, layer, layerBias, out, 0f);
        float[] x = new float[dim];
        float[] act = new float[hidden];
        float[] dPre = new float[hidden];
        float[] dx = new float[dim];
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Random shuffle = new Random(seed + 1000 + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i]; order[i] = order[j]; order[j] = t;
            }
            double lr = learningRate / Math.sqrt(1 + epoch);
            for (int idx : order) {
                int[] hs = hashes[idx];
                float[] vs = values[idx];
                java.util.Arrays.fill(x, 0f);
                for (int k = 0; k < hs.length; k++) {
                    int row = (hs[k] & mask) * dim;
                    for (int d = 0; d < dim; d++) x[d] += vs[k] * vectors[row + d];
                }
                double z = m.forwardWith(x, act, outBias[0]);
                double g = (1 / (1 + Math.exp(-z)) - labels[idx]) * weights[idx];
                if (g == 0) continue;
                java.util.Arrays.fill(dx, 0f);
                for (int h = 0; h < hidden; h++) {
                    dPre[h] = (float) (g * out[h] * (1 - act[h] * act[h]));
                    double go = g * act[h];
                    outG2[h] += (float) (go * go);
                    out[h] -= (float) (lr * go / (Math.sqrt(outG2[h]) + 1e-8));
                    int row = h * dim;
                    for (int d = 0; d < dim; d++) {
                        dx[d] += dPre[h] * layer[row + d];
                        double gl = dPre[h] * x[d];
                        layerG2[row + d] += (float) (gl * gl);
                        layer[row + d] -= (float) (lr * gl / (Math.sqrt(layerG2[row + d]) + 1e-8));
                    }
                    layerBiasG2[h] += dPre[h] * dPre[h];
                    layerBias[h] -= (float) (lr * dPre[h] / (Math.sqrt(layerBiasG2[h]) + 1e-8));
                }
                outBiasG2[0] += (float) (g * g);
                outBias[0] -= (float) (lr * g / (Math.sqrt(outBiasG2[0]) + 1e-8));
                for (int k = 0; k < hs.length; k++) {
                    int b = hs[k] & mask;
                    int row = b * dim;
                    double sq = 0;
                    for (int d = 0; d < dim; d++) { double gv = dx[d] * vs[k]; sq += gv * gv; }
                    rowG2[b] += (float) (sq / dim);
                    float step = (float) (lr / (Math.sqrt(rowG2[b]) + 1e-8));
                    for (int d = 0; d < dim; d++) vectors[row + d] -= step * dx[d] * vs[k];
                }
            }
        }
        return new EmbeddingModel(bits, dim, hidden, vectors, layer, layerBias, out, outBias[0]);
    }

    private double forwardWith(float[] x, float[] act, float bias) {
        return forward(x, act) - outBias + bias;
    }

    /** Scores a whole example read by {@link #train}'s reader (for calibration on held-out data). */
    double score(int[] hs, float[] vs) {
        int mask = (1 << bits) - 1;
        float[] x = new float[dim];
        for (int k = 0; k < hs.length; k++) {
            int row = (hs[k] & mask) * dim;
            for (int d = 0; d < dim; d++) x[d] += vs[k] * vectors[row + d];
        }
        return forward(x, null);
    }
}

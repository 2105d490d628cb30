package dev.tribune.moderation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains a {@link TextClassifier}: logistic regression over hashed features by AdaGrad, with
 * sources and classes re-weighted so no single data set's habits dominate, then calibrated on
 * a held-out tenth. Single-threaded with fixed seeds, so the same data gives the same bytes.
 */
public final class ModelTrainer {
    /** How to train. */
    public record Options(TextClassifier.Settings settings, int epochs, double learningRate, double l2,
                          boolean balanceSources, long seed) {
        /** The toxicity model's training. */
        public static Options standard(int bits) {
            return standard(bits, "toxicity");
        }

        /**
         * How the shipped model of a target is trained. The strong L2 penalty of toxicity and spam
         * v2 (v1: 2e-6) keeps one source's frequent words from growing large weights: +0.006 mean
         * ROC-AUC on held-out sources (MODEL.md, "v2"); the attribute heads keep v1's penalty,
         * with which they were measured.
         */
        public static Options standard(int bits, String target) {
            boolean v2 = target.equals("toxicity") || target.equals("spam");
            TextClassifier.Settings s = TextClassifier.Settings.standard(bits);
            // overridable for experiments only; the shipped models use the defaults
            s = new TextClassifier.Settings(bits, Float.parseFloat(System.getProperty("tribune.quote", "0.35")),
                    true, Float.parseFloat(System.getProperty("tribune.sentence", "0.5")),
                    Boolean.parseBoolean(System.getProperty("tribune.lexicon", "true")));
            return new Options(s, Integer.getInteger("tribune.epochs", 6),
                    Double.parseDouble(System.getProperty("tribune.lr", "0.15")),
                    Double.parseDouble(System.getProperty("tribune.l2", v2 ? "3e-3" : "2e-6")), true, 20261231L);
        }

        /** Plain bag-of-words, every example counted once: the yardstick in MODEL.md. */
        public static Options baseline(int bits) {
            return new Options(TextClassifier.Settings.baseline(bits), 6, 0.15, 2e-6, false, 20261231L);
        }
    }

    /**
     * Extra weight per source, relative to the square-root balancing: news comments are what
     * Tribune reads, tweets and templates are far from it.
     */
    private static final Map<String, Double> SOURCE_WEIGHT = Map.of(
            "civil-sentences", 2.0, "davidson", 0.5, "jigsaw-sentence-templates", 0.4, "civil-comments", 1.0);

    /** 0.5: each (source, class) cell weighs as the square root of its size; 1: all cells weigh the same. */
    static final double BALANCE = Double.parseDouble(System.getProperty("tribune.balance", "0.5"));

    /** Whether the shipped weights are the average over all training steps rather than the last ones. */
    static final boolean AVERAGE = Boolean.parseBoolean(System.getProperty("tribune.average", "false"));

    /** Whether to train the neural second opinion ({@link EmbeddingModel}) beside the word weights. */
    static final boolean CONTEXT = Boolean.parseBoolean(System.getProperty("tribune.context", "false"));
    static final int CONTEXT_BITS = Integer.getInteger("tribune.context.bits", 16);
    static final int CONTEXT_DIM = Integer.getInteger("tribune.context.dim", 16);
    static final int CONTEXT_HIDDEN = Integer.getInteger("tribune.context.hidden", 16);
    static final double CONTEXT_LR = Double.parseDouble(System.getProperty("tribune.context.lr", "0.05"));

    private final Options options;
    /** Weights of sources the caller adds (a newsroom's own decisions), on top of SOURCE_WEIGHT. */
    private final Map<String, Double> extraWeights;

    public ModelTrainer(Options options) {
        this(options, Map.of());
    }

    public ModelTrainer(Options options, Map<String, Double> extraWeights) {
        this.options = options;
        this.extraWeights = Map.copyOf(extraWeights);
    }

    /** The weight one source gets before balancing. */
    static double sourceWeight(String source) {
        return SOURCE_WEIGHT.getOrDefault(source, 1.0);
    }

    /** True for the examples set aside for calibration (about one in ten, whole groups at a time). */
    static boolean isHoldout(Example e, int modulo) {
        String key = e.group() != null ? e.group() : e.text();
        return Math.floorMod(TextFeatures.mix(key.hashCode()), modulo) == 0;
    }

    public TextClassifier train(List<Example> all, String target) {
        return train(all, target, null);
    }

    /** One example's features, read once for all epochs: full hashes, values scaled by 1/√count. */
    record Encoded(int[] hash, float[] value, int[] contextHash, float[] contextValue) {}

    /** Reads a text the way the model being trained will (for sharing one reading between trainings). */
    static Encoded encode(TextClassifier model, String text) {
        TextFeatures.FeatureList fl = model.features().collect(model.tokens(text));
        float scale = fl.size == 0 ? 0f : (float) (1 / Math.sqrt(fl.size));
        float[] value = java.util.Arrays.copyOf(fl.value, fl.size);
        for (int k = 0; k < value.length; k++) value[k] *= scale;
        if (!CONTEXT || !model.settings.normalize()) return new Encoded(java.util.Arrays.copyOf(fl.hash, fl.size), value, null, null);
        TextFeatures.FeatureList cl = model.features().collectContext(fl.tokens);
        float cscale = cl.size == 0 ? 0f : (float) (1 / Math.sqrt(cl.size));
        float[] cvalue = java.util.Arrays.copyOf(cl.value, cl.size);
        for (int k = 0; k < cvalue.length; k++) cvalue[k] *= cscale;
        return new Encoded(java.util.Arrays.copyOf(fl.hash, fl.size), value, java.util.Arrays.copyOf(cl.hash, cl.size), cvalue);
    }

    TextClassifier train(List<Example> all, String target, java.util.function.Function<Example, Encoded> encoder) {
        List<Example> usable = all.stream().filter(e -> !e.evalOnly() && e.text() != null && !e.text().isBlank()).toList();
        if (usable.isEmpty()) throw new IllegalArgumentException("no training examples");
        List<Example> fit = new ArrayList<>();
        List<Example> holdout = new ArrayList<>();
        for (Example e : usable) (isHoldout(e, 10) ? holdout : fit).add(e);
        if (holdout.isEmpty() || fit.isEmpty()) { fit = usable; holdout = usable; }
        double[] fitWeights = weights(fit);
        double[] holdWeights = weights(holdout);
        int bits = options.settings().bits();
        int mask = (1 << bits) - 1;
        float[] w = new float[1 << bits];
        float[] g2 = new float[1 << bits];
        // sum of (step - 1) * change, for the average of the weights over all steps
        double[] drift = AVERAGE ? new double[1 << bits] : null;
        double[] bias = {0, 0, 0}; // value, squared-gradient sum, drift
        TextClassifier draft = new TextClassifier(target, "", options.settings(), w, 0f, 1f, 0f, 0.5f);
        java.util.function.Function<Example, Encoded> reader = encoder != null ? encoder : e -> encode(draft, e.text());
        Encoded[] encoded = new Encoded[fit.size()];
        for (int i = 0; i < encoded.length; i++) encoded[i] = reader.apply(fit.get(i));
        int[] order = new int[fit.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        long step = 0;
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, new Random(options.seed() + epoch));
            double lr = options.learningRate() / Math.sqrt(1 + epoch);
            for (int idx : order) {
                Example e = fit.get(idx);
                Encoded x = encoded[idx];
                int[] hash = x.hash();
                float[] value = x.value();
                double z = bias[0];
                for (int k = 0; k < hash.length; k++) z += w[hash[k] & mask] * value[k];
                double p = 1 / (1 + Math.exp(-z));
                double g = (p - e.label()) * fitWeights[idx];
                for (int k = 0; k < hash.length; k++) {
                    int b = hash[k] & mask;
                    double gi = g * value[k] + options.l2() * w[b];
                    g2[b] += (float) (gi * gi);
                    float change = (float) (lr * gi / (Math.sqrt(g2[b]) + 1e-8));
                    w[b] -= change;
                    if (drift != null) drift[b] -= step * change;
                }
                bias[1] += g * g;
                double bchange = lr * g / (Math.sqrt(bias[1]) + 1e-8);
                bias[0] -= bchange;
                bias[2] -= step * bchange;
                step++;
            }
        }
        if (drift != null && step > 0) {
            for (int b = 0; b < w.length; b++) w[b] -= (float) (drift[b] / step);
            bias[0] -= bias[2] / step;
        }
        TextClassifier raw = new TextClassifier(target, "", options.settings(), w, (float) bias[0], 1f, 0f, 0.5f);
        double[] logits = new double[holdout.size()];
        int[] labels = new int[holdout.size()];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = raw.logit(holdout.get(i).text());
            labels[i] = holdout.get(i).label();
        }
        EmbeddingModel context = null;
        float contextWeight = 0f;
        if (CONTEXT && options.settings().normalize()) {
            int[][] hs = new int[fit.size()][];
            float[][] vs = new float[fit.size()][];
            int[] ys = new int[fit.size()];
            for (int i = 0; i < hs.length; i++) {
                hs[i] = encoded[i].contextHash();
                vs[i] = encoded[i].contextValue();
                ys[i] = fit.get(i).label();
            }
            context = EmbeddingModel.train(CONTEXT_BITS, CONTEXT_DIM, CONTEXT_HIDDEN, hs, vs, ys, fitWeights,
                    options.epochs(), CONTEXT_LR, options.seed());
            // how much the second opinion adds: a two-input logistic fit on the held-out tenth
            double[] second = new double[holdout.size()];
            for (int i = 0; i < second.length; i++) {
                Encoded x = reader.apply(holdout.get(i));
                second[i] = context.score(x.contextHash(), x.contextValue());
            }
            double[] c = Calibration.logistic(new double[][] {logits, second}, labels, holdWeights);
            contextWeight = c[0] > 0 && c[1] > 0 ? (float) (c[1] / c[0]) : 0f;
            raw = new TextClassifier(target, "", options.settings(), w, (float) bias[0], 1f, 0f, 0.5f, context, contextWeight);
            for (int i = 0; i < logits.length; i++) logits[i] = raw.logit(holdout.get(i).text());
        }
        double[] ab = Calibration.platt(logits, labels, holdWeights);
        double[] probs = new double[logits.length];
        for (int i = 0; i < probs.length; i++) probs[i] = 1 / (1 + Math.exp(-(ab[0] * logits[i] + ab[1])));
        float threshold = (float) Calibration.bestF1Threshold(probs, labels, holdWeights);
        String description = target + " model, format 1, " + fit.size() + " training examples from "
                + String.join(", ", sourceCounts(fit).keySet());
        return new TextClassifier(target, description, options.settings(), w, (float) bias[0],
                (float) ab[0], (float) ab[1], threshold, context, contextWeight);
    }

    /** Per-example weights: each (source, class) cell weighs in proportion to the square root of its size. */
    double[] weights(List<Example> examples) {
        double[] out = new double[examples.size()];
        if (!options.balanceSources()) {
            java.util.Arrays.fill(out, 1.0);
            return out;
        }
        Map<String, Integer> cells = new HashMap<>();
        for (Example e : examples) cells.merge(e.source() + "|" + e.label(), 1, Integer::sum);
        double total = 0;
        for (int i = 0; i < out.length; i++) {
            Example e = examples.get(i);
            int n = cells.get(e.source() + "|" + e.label());
            double sourceWeight = extraWeights.containsKey(e.source()) ? extraWeights.get(e.source()) : sourceWeight(e.source());
            out[i] = sourceWeight / Math.pow(n, BALANCE);
            total += out[i];
        }
        double scale = out.length / total;
        for (int i = 0; i < out.length; i++) out[i] *= scale;
        return out;
    }

    static Map<String, Integer> sourceCounts(List<Example> examples) {
        Map<String, Integer> m = new TreeMap<>();
        for (Example e : examples) m.merge(e.source(), 1, Integer::sum);
        return m;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }
}

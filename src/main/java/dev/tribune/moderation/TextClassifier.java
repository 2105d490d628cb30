package dev.tribune.moderation;

import java.util.ArrayList;
import java.util.List;

/**
 * One trained model (toxicity or spam): hashed feature weights plus the calibration that
 * turns its raw score into a probability. Immutable, so one instance serves all threads.
 */
public final class TextClassifier {
    /** Sentences longer than this are scored in windows, so one insult is not diluted by a long rant. */
    static final int MAX_CHUNK_TOKENS = 40;
    private static final int MAX_REASONS = 5;

    /**
     * How text is read: feature space size, weight of quoted words, normalization, how much the
     * worst sentence may lift the whole text's score (0 none, 1 fully), bad-word list feature.
     */
    public record Settings(int bits, float quoteWeight, boolean normalize, float sentenceWeight, boolean lexicon) {
        public static Settings standard(int bits) {
            return new Settings(bits, 0.35f, true, 0.5f, true);
        }

        /** The plain bag-of-words reading used as the yardstick in the model card. */
        public static Settings baseline(int bits) {
            return new Settings(bits, 1f, false, 0f, false);
        }
    }

    final String target;
    final String description;
    final Settings settings;
    final float[] weights;
    final float bias;
    final float calibA;
    final float calibB;
    final float threshold;
    /** The neural second opinion, or null for a model of word weights alone. */
    final EmbeddingModel context;
    /** How much the second opinion's score adds to the word weights' score. */
    final float contextWeight;
    private final TextFeatures features;

    TextClassifier(String target, String description, Settings settings, float[] weights, float bias,
                   float calibA, float calibB, float threshold) {
        this(target, description, settings, weights, bias, calibA, calibB, threshold, null, 0f);
    }

    TextClassifier(String target, String description, Settings settings, float[] weights, float bias,
                   float calibA, float calibB, float threshold, EmbeddingModel context, float contextWeight) {
        this.target = target;
        this.description = description;
        this.settings = settings;
        this.weights = weights;
        this.bias = bias;
        this.calibA = calibA;
        this.calibB = calibB;
        this.threshold = threshold;
        this.context = context;
        this.contextWeight = contextWeight;
        this.features = new TextFeatures(settings.bits(), settings.quoteWeight(), settings.lexicon());
    }

    public String target() {
        return target;
    }

    /** Probability at or above which the model's verdict counts as positive. */
    public float threshold() {
        return threshold;
    }

    TextFeatures features() {
        return features;
    }

    boolean readsLike(TextClassifier other) {
        return settings.normalize() == other.settings.normalize() && features.sameAs(other.features);
    }

    TextFeatures.Tokens tokens(String text) {
        NormalizedText nt = settings.normalize() ? TextNormalizer.normalize(text) : TextNormalizer.plain(text);
        return TextFeatures.tokenize(nt);
    }

    /** A probability and the words that pushed it up. */
    public record Verdict(double probability, List<String> reasons) {}

    public double probability(String text) {
        return verdict(text, false).probability();
    }

    /** Scores a text; when asked, also names the tokens of its worst passage. */
    public Verdict verdict(String text, boolean explain) {
        return verdict(tokens(text == null ? "" : text), explain);
    }

    /** Scores already tokenized text (models that read text the same way can share the work). */
    Verdict verdict(TextFeatures.Tokens tokens, boolean explain) {
        return verdict(features.collect(tokens), explain);
    }

    /** Scores collected features (models that read text the same way share one collection). */
    Verdict verdict(TextFeatures.FeatureList featureList, boolean explain) {
        Scan scan = scan(featureList);
        double p = calibrate(scan.logit);
        List<String> reasons = explain && p >= threshold * 0.6
                ? reasons(scan.tokens, scan.contrib, scan.from, scan.to) : List.of();
        return new Verdict(p, reasons);
    }

    /** The uncalibrated score: the higher of the whole text's and its worst sentence's. */
    double logit(String text) {
        return scan(features.collect(tokens(text == null ? "" : text))).logit;
    }

    private record Scan(double logit, int from, int to, TextFeatures.Tokens tokens, float[] contrib) {}

    private Scan scan(TextFeatures.FeatureList fl) {
        TextFeatures.Tokens tk = fl.tokens;
        int n = tk.count;
        float[] contrib = new float[n];
        int[] nfeat = new int[n];
        float[] w = weights;
        int mask = w.length - 1;
        for (int k = 0; k < fl.size; k++) {
            int t = fl.token[k];
            contrib[t] += w[fl.hash[k] & mask] * fl.value[k];
            nfeat[t]++;
        }
        float[] tv = null;
        int[] ccount = null;
        if (context != null && contextWeight != 0) {
            ccount = new int[n];
            tv = context.tokenVectors(features.collectContext(tk), ccount);
        }
        double whole = spanLogit(contrib, nfeat, tv, ccount, 0, n);
        double best = whole;
        int bestFrom = 0;
        int bestTo = n;
        if (settings.sentenceWeight() > 0) {
            int from = 0;
            for (int t = 0; t < n; t++) {
                if (tk.sentenceEnd[t] || t == n - 1 || t - from + 1 >= MAX_CHUNK_TOKENS) {
                    // a sentence that is all quotation is someone else's voice: it must not lift the score
                    if ((from > 0 || t < n - 1) && !allQuoted(tk, from, t + 1)) {
                        double l = spanLogit(contrib, nfeat, tv, ccount, from, t + 1);
                        if (l > best) { best = l; bestFrom = from; bestTo = t + 1; }
                    }
                    from = t + 1;
                }
            }
        }
        double logit = whole + settings.sentenceWeight() * (best - whole);
        return new Scan(logit, bestFrom, bestTo, tk, contrib);
    }

    private static boolean allQuoted(TextFeatures.Tokens tk, int from, int to) {
        for (int t = from; t < to; t++) if (!tk.quoted[t]) return false;
        return true;
    }

    private double spanLogit(float[] contrib, int[] nfeat, float[] tv, int[] ccount, int from, int to) {
        double l = unitLogit(contrib, nfeat, from, to);
        return tv == null ? l : l + contextWeight * context.score(tv, ccount, from, to);
    }

    private double unitLogit(float[] contrib, int[] nfeat, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int t = from; t < to; t++) { sum += contrib[t]; count += nfeat[t]; }
        return count == 0 ? bias : bias + sum / Math.sqrt(count);
    }

    double calibrate(double logit) {
        return 1.0 / (1.0 + Math.exp(-(calibA * logit + calibB)));
    }

    /** The strongest positive tokens of the passage, adjacent ones merged into a phrase. */
    private static List<String> reasons(TextFeatures.Tokens tk, float[] contrib, int from, int to) {
        float total = 0;
        float max = 0;
        for (int t = from; t < to; t++) if (contrib[t] > 0) { total += contrib[t]; max = Math.max(max, contrib[t]); }
        if (total <= 0) return List.of();
        // a reason must stand out among the passage's words, not merely lean the right way
        float floor = Math.max(0.12f * total, 0.3f * max);
        boolean[] pick = new boolean[tk.count];
        for (int r = 0; r < MAX_REASONS; r++) {
            int arg = -1;
            for (int t = from; t < to; t++) {
                if (!pick[t] && contrib[t] >= floor && (arg < 0 || contrib[t] > contrib[arg])) arg = t;
            }
            if (arg < 0) break;
            pick[arg] = true;
        }
        List<String> out = new ArrayList<>();
        for (int t = from; t < to; t++) {
            if (!pick[t]) continue;
            int s = t;
            while (t + 1 < to && pick[t + 1] && !tk.sentenceEnd[t]) t++;
            String phrase = s == t ? tk.originalToken(s) : tk.originalToken(s) + " " + tk.originalToken(t);
            if (s != t && t - s > 1) phrase = joinRange(tk, s, t);
            if (!out.contains(phrase)) out.add(phrase);
        }
        return out;
    }

    private static String joinRange(TextFeatures.Tokens tk, int s, int t) {
        StringBuilder sb = new StringBuilder();
        for (int k = s; k <= t; k++) sb.append(k > s ? " " : "").append(tk.originalToken(k));
        return sb.toString();
    }

    /** A sentence (or a window of a long one) of the text as written, in char offsets, and its probability. */
    public record Span(int begin, int end, double probability) {}

    /**
     * Scores each sentence on its own, in the windows the whole-text score looks at. The spans
     * cover the text end to end: each runs from where the previous one ended to where the next
     * sentence's first word begins.
     */
    public List<Span> sentences(String text) {
        String t = text == null ? "" : text;
        TextFeatures.FeatureList fl = features.collect(tokens(t));
        TextFeatures.Tokens tk = fl.tokens;
        int n = tk.count;
        float[] contrib = new float[n];
        int[] nfeat = new int[n];
        for (int k = 0; k < fl.size; k++) {
            contrib[fl.token[k]] += weights[fl.hash[k] & (weights.length - 1)] * fl.value[k];
            nfeat[fl.token[k]]++;
        }
        List<Span> out = new ArrayList<>();
        int from = 0;
        int begin = 0;
        for (int i = 0; i < n; i++) {
            if (tk.sentenceEnd[i] || i == n - 1 || i - from + 1 >= MAX_CHUNK_TOKENS) {
                int end = i == n - 1 ? t.length() : tk.text.origin[tk.start[i + 1]];
                out.add(new Span(begin, end, calibrate(unitLogit(contrib, nfeat, from, i + 1))));
                begin = end;
                from = i + 1;
            }
        }
        return out;
    }
}

package dev.tribune.moderation;

/** Turns raw model scores into probabilities (Platt scaling) and picks a decision threshold. */
final class Calibration {
    private Calibration() {}

    /** Fits p = sigmoid(a * logit + b) by weighted Newton steps; returns {a, b}. */
    static double[] platt(double[] logits, int[] labels, double[] weights) {
        double a = 1, b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < logits.length; i++) {
                double p = 1 / (1 + Math.exp(-(a * logits[i] + b)));
                double r = (p - labels[i]) * weights[i];
                double s = p * (1 - p) * weights[i];
                ga += r * logits[i];
                gb += r;
                haa += s * logits[i] * logits[i];
                hab += s * logits[i];
                hbb += s;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) break;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) break;
        }
        return new double[] {a, b};
    }

    /** The probability cut with the best weighted F1, kept within [0.3, 0.9] to stay sensible. */
    static double bestF1Threshold(double[] probs, int[] labels, double[] weights) {
        double best = 0.5, bestF1 = -1;
        for (int step = 30; step <= 90; step++) {
            double t = step / 100.0;
            double tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < probs.length; i++) {
                boolean yes = probs[i] >= t;
                if (yes && labels[i] == 1) tp += weights[i];
                else if (yes) fp += weights[i];
                else if (labels[i] == 1) fn += weights[i];
            }
            double f1 = tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
            if (f1 > bestF1 + 1e-12) { bestF1 = f1; best = t; }
        }
        return best;
    }
}

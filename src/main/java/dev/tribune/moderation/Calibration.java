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

    /**
     * Weighted logistic regression of the labels on a few scores, by Newton steps: returns one
     * coefficient per score, then the intercept.
     */
    static double[] logistic(double[][] scores, int[] labels, double[] weights) {
        int k = scores.length + 1;
        double[] c = new double[k];
        for (int iter = 0; iter < 100; iter++) {
            double[] g = new double[k];
            double[][] h = new double[k][k];
            double[] x = new double[k];
            for (int i = 0; i < labels.length; i++) {
                for (int j = 0; j < k - 1; j++) x[j] = scores[j][i];
                x[k - 1] = 1;
                double z = 0;
                for (int j = 0; j < k; j++) z += c[j] * x[j];
                double p = 1 / (1 + Math.exp(-z));
                double r = (p - labels[i]) * weights[i];
                double s = p * (1 - p) * weights[i];
                for (int a = 0; a < k; a++) {
                    g[a] += r * x[a];
                    for (int b = 0; b < k; b++) h[a][b] += s * x[a] * x[b];
                }
            }
            for (int a = 0; a < k; a++) h[a][a] += 1e-9;
            double[] step = solve(h, g);
            if (step == null) break;
            double size = 0;
            for (int a = 0; a < k; a++) { c[a] -= step[a]; size += Math.abs(step[a]); }
            if (size < 1e-9) break;
        }
        return c;
    }

    /** Solves h · x = g by Gaussian elimination with pivoting; null when h is singular. */
    private static double[] solve(double[][] h, double[] g) {
        int k = g.length;
        double[][] m = new double[k][k + 1];
        for (int a = 0; a < k; a++) { System.arraycopy(h[a], 0, m[a], 0, k); m[a][k] = g[a]; }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) piv = r;
            if (Math.abs(m[piv][col]) < 1e-12) return null;
            double[] t = m[col]; m[col] = m[piv]; m[piv] = t;
            for (int r = 0; r < k; r++) {
                if (r == col) continue;
                double f = m[r][col] / m[col][col];
                for (int q = col; q <= k; q++) m[r][q] -= f * m[col][q];
            }
        }
        double[] x = new double[k];
        for (int a = 0; a < k; a++) x[a] = m[a][k] / m[a][a];
        return x;
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

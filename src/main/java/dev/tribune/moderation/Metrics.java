package dev.tribune.moderation;

import java.util.Arrays;
import java.util.Comparator;

/** How well scores separate positives from negatives: ROC-AUC, PR-AUC, precision, recall, F1. */
public record Metrics(int count, int positives, double rocAuc, double prAuc, double precision, double recall, double f1,
                      double accuracy) {

    public static Metrics of(double[] scores, int[] labels, double threshold) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.comparingDouble(i -> scores[i]));
        int pos = 0;
        for (int y : labels) pos += y;
        int neg = n - pos;
        // ROC-AUC from average ranks (ties share their rank)
        double rankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[idx[j + 1]] == scores[idx[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) if (labels[idx[k]] == 1) rankSum += rank;
            i = j + 1;
        }
        double roc = pos == 0 || neg == 0 ? Double.NaN : (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
        // PR-AUC as average precision, walking from the highest score down
        double ap = 0;
        int tpSeen = 0;
        for (int r = n - 1, seen = 0; r >= 0; ) {
            int j = r;
            while (j - 1 >= 0 && scores[idx[j - 1]] == scores[idx[r]]) j--;
            int tpHere = 0;
            for (int k = j; k <= r; k++) tpHere += labels[idx[k]];
            seen += r - j + 1;
            tpSeen += tpHere;
            if (tpHere > 0 && pos > 0) ap += (tpHere / (double) pos) * (tpSeen / (double) seen);
            r = j - 1;
        }
        int tp = 0, fp = 0, tn = 0;
        for (int i = 0; i < n; i++) {
            if (scores[i] >= threshold) { if (labels[i] == 1) tp++; else fp++; }
            else if (labels[i] == 0) tn++;
        }
        double precision = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
        double recall = pos == 0 ? Double.NaN : tp / (double) pos;
        double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + (pos - tp));
        return new Metrics(n, pos, roc, pos == 0 ? Double.NaN : ap, precision, recall, f1,
                n == 0 ? Double.NaN : (tp + tn) / (double) n);
    }

    public String row(String name) {
        return String.format(java.util.Locale.ROOT, "%-28s %6d %6d  %6.3f  %6.3f  %6.3f  %6.3f  %6.3f  %6.3f",
                name, count, positives, rocAuc, prAuc, precision, recall, f1, accuracy);
    }

    public static String header() {
        return String.format(java.util.Locale.ROOT, "%-28s %6s %6s  %6s  %6s  %6s  %6s  %6s  %6s",
                "source", "n", "pos", "rocAUC", "prAUC", "prec", "recall", "F1", "acc");
    }
}

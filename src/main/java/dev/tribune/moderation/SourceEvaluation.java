package dev.tribune.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Measures models per source, including on sources they were not trained on. */
final class SourceEvaluation {
    private SourceEvaluation() {}

    /** One table row per source, then one for everything together. */
    static List<String> report(TextClassifier model, List<Example> examples) {
        List<String> out = new ArrayList<>();
        out.add(String.format(java.util.Locale.ROOT, "%s model, threshold %.2f", model.target(), model.threshold()));
        out.add(Metrics.header());
        Map<String, List<Example>> bySource = new LinkedHashMap<>();
        for (Example e : examples) bySource.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e);
        double[] all = new double[examples.size()];
        int[] labels = new int[examples.size()];
        int i = 0;
        for (Map.Entry<String, List<Example>> s : bySource.entrySet()) {
            double[] p = new double[s.getValue().size()];
            int[] y = new int[p.length];
            for (int k = 0; k < p.length; k++) {
                p[k] = model.probability(s.getValue().get(k).text());
                y[k] = s.getValue().get(k).label();
                all[i] = p[k];
                labels[i++] = y[k];
            }
            out.add(Metrics.of(p, y, model.threshold()).row(s.getKey()));
        }
        if (bySource.size() > 1) out.add(Metrics.of(all, labels, model.threshold()).row("ALL"));
        return out;
    }

    /**
     * Trains on four fifths of the examples and reports on the other fifth, whole comments
     * (groups) at a time so no sentence of a test comment was seen in training.
     */
    static List<String> heldOutGroups(List<Example> examples, String target, ModelTrainer.Options options) {
        List<Example> train = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (Example e : examples) {
            if (e.evalOnly() && e.group() == null) continue; // checking sets are measured on the shipped model
            String key = e.group() != null ? e.group() : e.text();
            boolean inTest = Math.floorMod(TextFeatures.mix(key.hashCode() ^ 0x2545f491), 5) == 0;
            (inTest ? test : train).add(e);
        }
        TextClassifier m = new ModelTrainer(options).train(train, target);
        List<String> rows = report(m, test);
        rows.set(0, "held-out fifth by comment (" + rows.get(0) + ")");
        return rows;
    }

    /** For each source family: train on all the others, report on it. */
    static List<String> leaveOneSourceOut(List<Example> examples, String target, ModelTrainer.Options options, int threads)
            throws Exception {
        TreeSet<String> families = new TreeSet<>();
        for (Example e : examples) families.add(e.family());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (String family : families) {
                List<Example> train = examples.stream().filter(e -> !e.family().equals(family)).toList();
                List<Example> test = examples.stream().filter(e -> e.family().equals(family)).toList();
                if (train.stream().noneMatch(e -> e.label() == 1 && !e.evalOnly())) continue;
                results.add(pool.submit(() -> {
                    TextClassifier m = new ModelTrainer(options).train(train, target);
                    List<String> rows = report(m, test);
                    rows.set(0, "held out: " + family + " (" + rows.get(0) + ")");
                    return rows;
                }));
            }
            List<String> out = new ArrayList<>();
            double sum = 0;
            int n = 0;
            for (Future<List<String>> f : results) {
                List<String> rows = f.get();
                out.addAll(rows);
                out.add("");
                String main = rows.get(rows.size() - 1).trim().split("\\s+")[3];
                if (!main.equals("NaN")) { sum += Double.parseDouble(main); n++; }
            }
            out.add(String.format(java.util.Locale.ROOT, "mean held-out rocAUC over %d families: %.3f", n, sum / n));
            return out;
        } finally {
            pool.shutdown();
        }
    }
}

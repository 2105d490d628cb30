package dev.tribune.moderation;

import dev.tribune.config.Settings;
import dev.tribune.domain.Site;
import dev.tribune.publishing.Sites;
import dev.tribune.store.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code moderation train --from-decisions}: the shipped toxicity model's data plus a newsroom's
 * own approve/reject decisions, the decisions weighted to carry a fixed share of the training
 * so that a few hundred of them move a model built on a hundred thousand examples.
 */
final class DecisionTraining {
    /** The source name the decisions train under. */
    static final String SOURCE = "newsroom-decisions";

    private final PrintStream err;

    DecisionTraining(PrintStream err) {
        this.err = err;
    }

    /**
     * The share of the training weight the decisions carry when not given: 10% for a handful,
     * growing to 30% at 500 decisions, so a newsroom's habits lead without erasing the base.
     */
    static double defaultShare(int decisions) {
        return Math.min(0.3, 0.1 + decisions / 2500.0);
    }

    /** Trains and writes the model; returns the exit code. */
    int run(Settings settings, String siteHost, List<Path> baseData, Path out, Double share) throws IOException {
        if (settings.database().startsWith("sqlite:")
                && !Files.isRegularFile(Path.of(settings.database().substring("sqlite:".length())))) {
            err.println("moderation train: there is no SQLite file at " + settings.database().substring("sqlite:".length())
                    + " (set TRIBUNE_DATABASE or --database)");
            return 1;
        }
        if (share != null && !(share > 0 && share < 1)) {
            err.println("moderation train: --decision-share must be between 0 and 1 (e.g. 0.25)");
            return 2;
        }
        List<ModeratorLabels.Label> labels;
        String where;
        try (Database db = Database.open(settings.database())) {
            Long siteId = null;
            where = "all sites";
            if (siteHost != null) {
                Site site = new Sites(db, () -> {}).byExactHost(siteHost).orElse(null); // a one-off read: nobody to tell of changes
                if (site == null) {
                    err.println("moderation train: there is no site with host " + siteHost + " (see './tribune site list')");
                    return 1;
                }
                siteId = site.id();
                where = site.host();
            }
            labels = new ModeratorLabels(db).all(siteId);
        }
        if (labels.isEmpty()) {
            err.println("moderation train: there are no moderator decisions on " + where + " yet; approve or reject comments "
                    + "in the moderation queue first, then train again. Nothing was written.");
            return 1;
        }
        List<Example> decisions = examples(labels);
        List<Example> all = new ArrayList<>();
        for (Path f : baseData) {
            if (!Files.exists(f)) {
                err.println("moderation train: the base data is missing: " + f + " (give --data to train on other files)");
                return 1;
            }
            all.addAll(LabeledData.read(f, "toxicity"));
        }
        int rejected = (int) decisions.stream().filter(e -> e.label() == 1).count();
        double s = share != null ? share : defaultShare(decisions.size());
        double weight = weightForShare(all, decisions, s);
        all.addAll(decisions);
        err.printf("training toxicity model on %d examples: %d moderator decisions from %s (%d rejected, %d approved; "
                        + "%d older decisions on the same comments left out) carrying %.0f%% of the training weight ...%n",
                all.size(), decisions.size(), where, rejected, decisions.size() - rejected, labels.size() - decisions.size(), s * 100);
        long start = System.nanoTime();
        TextClassifier raw = new ModelTrainer(ModelTrainer.Options.standard(TrainCommand.TOXICITY_BITS), Map.of(SOURCE, weight))
                .train(all, "toxicity");
        Path target = out != null ? out : NewsroomModels.of(settings).toxicityFile();
        int version = NewsroomModels.nextVersion(target);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String summary = decisions.size() + " moderator decisions from " + where + " (" + rejected + " rejected)";
        TextClassifier model = new TextClassifier(raw.target, ModelVersion.stamp(raw.description, version, at, summary),
                raw.settings, raw.weights, raw.bias, raw.calibA, raw.calibB, raw.threshold);
        // written beside the target first, so a server starting meanwhile never reads half a file
        Path tmp = target.resolveSibling(target.getFileName() + ".new");
        ModelFile.write(model, tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ModelVersion v = ModelVersion.of(model, Files.readAllBytes(target), target.toString());
        err.printf("used %d moderator decisions; wrote %s: %s, threshold %.2f (%.1f s)%n", decisions.size(), target, v.label(),
                model.threshold(), (System.nanoTime() - start) / 1e9);
        if (out == null) err.println("restart Tribune to use it; the console's moderation settings page then shows this version");
        return 0;
    }

    /** One example per decided comment, its latest decision winning (a hide after an approve is the last word). */
    static List<Example> examples(List<ModeratorLabels.Label> labels) {
        Map<Long, ModeratorLabels.Label> last = new LinkedHashMap<>();
        for (ModeratorLabels.Label l : labels) {
            last.remove(l.commentId());
            last.put(l.commentId(), l);
        }
        List<Example> out = new ArrayList<>();
        for (ModeratorLabels.Label l : last.values()) {
            if (l.text() == null || l.text().isBlank()) continue;
            out.add(new Example(l.text(), l.label(), SOURCE, SOURCE, "comment:" + l.siteId() + ":" + l.commentId(), false));
        }
        return out;
    }

    /**
     * The source weight that makes the decisions carry this share of the whole training weight,
     * given that the trainer weighs each (source, label) cell of n examples as weight × n^(1−BALANCE).
     */
    static double weightForShare(List<Example> base, List<Example> decisions, double share) {
        double b = mass(base, null);
        double d = mass(decisions, 1.0);
        if (b == 0 || d == 0) return 1.0;
        return share * b / ((1 - share) * d);
    }

    private static double mass(List<Example> examples, Double fixedWeight) {
        Map<String, Integer> cells = new HashMap<>();
        Map<String, String> sourceOf = new HashMap<>();
        for (Example e : examples) {
            if (e.evalOnly() || e.text() == null || e.text().isBlank()) continue;
            String key = e.source() + "|" + e.label();
            cells.merge(key, 1, Integer::sum);
            sourceOf.put(key, e.source());
        }
        double total = 0;
        for (var c : cells.entrySet()) {
            double w = fixedWeight != null ? fixedWeight : ModelTrainer.sourceWeight(sourceOf.get(c.getKey()));
            total += w * Math.pow(c.getValue(), 1 - ModelTrainer.BALANCE);
        }
        return total;
    }
}

package dev.tribune.moderation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tribune moderation train}: builds a model from labeled files, or rebuilds the shipped ones. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model. Without arguments, rebuild the shipped toxicity, spam and attribute models from ../shared/data.")
final class TrainCommand implements Callable<Integer> {
    static final int TOXICITY_BITS = 20;
    static final int SPAM_BITS = 18;
    /** The attribute heads (insult, threat, …) learn from fewer examples and stay small. */
    static final int HEAD_BITS = 18;

    @Option(names = "--data", description = "labeled file or folder (JSONL {\"text\",\"label\"} or a known data set layout); repeatable")
    List<Path> data = new ArrayList<>();

    @Option(names = "--out", description = "where to write the model file")
    Path out;

    @Option(names = "--target", defaultValue = "toxicity",
            description = "toxicity, spam, insult, threat, identity_attack or profanity (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--baseline", hidden = true, description = "plain bag-of-words without normalization or balancing")
    boolean baseline;

    @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Learning from the newsroom's own moderators:%n")
    FromDecisions fromDecisions;

    /** The options of --from-decisions, kept apart from the rest. */
    static final class FromDecisions {
        @Option(names = "--from-decisions", required = true, description = "retrain the toxicity model on the shipped data (or --data) "
                + "plus the moderators' approve/reject decisions; writes to TRIBUNE_MODELS (default: models/ beside the SQLite file), "
                + "which the server loads at start")
        boolean on;
        @Option(names = "--site", description = "host of the site whose decisions to learn from (default: every site)")
        String site;
        @Option(names = "--database", description = "sqlite:PATH or a PostgreSQL URL (TRIBUNE_DATABASE, default sqlite:tribune.db)")
        String database;
        @Option(names = "--decision-share", description = "share of the training weight the decisions carry, 0 to 1 "
                + "(default: 0.1 plus 0.04 per 100 decisions, at most 0.3)")
        Double share;
    }

    @Override
    public Integer call() throws IOException {
        if (fromDecisions != null) {
            if (!target.equals("toxicity")) {
                System.err.println("moderation train: --from-decisions trains the toxicity model only");
                return 2;
            }
            dev.tribune.config.Settings settings = dev.tribune.config.Settings.resolve(System.getenv(), null, null,
                    fromDecisions.database, null, null, null);
            return new DecisionTraining(System.err).run(settings, fromDecisions.site,
                    data.isEmpty() ? DataPaths.toxicityData() : data, out, fromDecisions.share);
        }
        if (!Classifiers.TARGETS.contains(target)) {
            System.err.println("moderation train: --target must be one of " + String.join(", ", Classifiers.TARGETS));
            return 2;
        }
        if (data.isEmpty() && out == null) {
            for (String t : Classifiers.TARGETS) {
                Path shipped = DataPaths.shippedModel(t);
                if (trainOne(DataPaths.defaultData(t), shipped, t) != 0) return 1;
            }
            return 0;
        }
        if (data.isEmpty() || out == null) {
            System.err.println("moderation train: give both --data and --out, or neither to rebuild the shipped models");
            return 2;
        }
        return trainOne(data, out, target);
    }

    static int bits(String target) {
        return target.equals("toxicity") ? TOXICITY_BITS : target.equals("spam") ? SPAM_BITS : HEAD_BITS;
    }

    private int trainOne(List<Path> files, Path outFile, String t) throws IOException {
        List<Example> examples = new ArrayList<>();
        for (Path f : files) {
            if (!java.nio.file.Files.exists(f)) {
                System.err.println("moderation train: no such file or folder: " + f);
                return 1;
            }
            examples.addAll(LabeledData.read(f, t));
        }
        int bits = bits(t);
        ModelTrainer.Options options = baseline ? ModelTrainer.Options.baseline(bits) : ModelTrainer.Options.standard(bits, t);
        System.err.printf("training %s model on %d examples ...%n", t, examples.size());
        long start = System.nanoTime();
        TextClassifier model = new ModelTrainer(options).train(examples, t);
        ModelFile.write(model, outFile);
        System.err.printf("wrote %s (%.1f s, threshold %.2f)%n", outFile, (System.nanoTime() - start) / 1e9, model.threshold());
        return 0;
    }
}

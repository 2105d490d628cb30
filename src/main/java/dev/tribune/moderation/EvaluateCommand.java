package dev.tribune.moderation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tribune moderation evaluate}: ROC-AUC, PR-AUC, precision, recall and F1 per source. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a model on labeled data, per source and overall.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--data", description = "labeled file or folder; repeatable (default: the shipped model's training sets)")
    List<Path> data = new ArrayList<>();

    @Option(names = "--model", description = "model file replacing the shipped model of its target; repeatable")
    List<Path> models = new ArrayList<>();

    @Option(names = "--target", defaultValue = "toxicity", description = "toxicity, spam, insult, threat, identity_attack or profanity (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--leave-one-source-out", description = "instead of a model, train one per source family without it and test on it")
    boolean leaveOneOut;

    @Option(names = "--held-out", description = "instead of a model, train on four fifths of the comments and test on the rest (split by comment)")
    boolean heldOut;

    @Option(names = "--baseline", description = "with --leave-one-source-out: train the plain bag-of-words yardstick")
    boolean baseline;

    @Option(names = "--threads", defaultValue = "2", description = "parallel trainings for --leave-one-source-out")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (!Classifiers.TARGETS.contains(target)) {
            System.err.println("moderation evaluate: --target must be one of " + String.join(", ", Classifiers.TARGETS));
            return 2;
        }
        List<Path> files = data.isEmpty() ? DataPaths.defaultData(target) : data;
        List<Example> examples = new ArrayList<>();
        for (Path f : files) {
            if (!Files.exists(f)) {
                System.err.println("moderation evaluate: no such file or folder: " + f);
                return 1;
            }
            examples.addAll(LabeledData.read(f, target));
        }
        if (heldOut) {
            ModelTrainer.Options o = ModelTrainer.Options.standard(TrainCommand.bits(target), target);
            SourceEvaluation.heldOutGroups(examples, target, o).forEach(System.out::println);
            return 0;
        }
        if (leaveOneOut) {
            int bits = TrainCommand.bits(target);
            ModelTrainer.Options o = baseline ? ModelTrainer.Options.baseline(bits) : ModelTrainer.Options.standard(bits, target);
            SourceEvaluation.leaveOneSourceOut(examples, target, o, threads).forEach(System.out::println);
            return 0;
        }
        TextClassifier model;
        try {
            model = Classifiers.modelFor(target, models);
        } catch (IOException | RuntimeException e) {
            System.err.println("moderation evaluate: cannot load models: " + e.getMessage());
            return 1;
        }
        SourceEvaluation.report(model, examples).forEach(System.out::println);
        return 0;
    }
}

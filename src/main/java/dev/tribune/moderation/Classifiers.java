package dev.tribune.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The toxicity and spam models together: the one object the posting pipeline calls.
 * Immutable and thread-safe.
 */
public final class Classifiers implements Scorer {
    static final String RESOURCE_DIR = "moderation/";
    /**
     * Every model Tribune ships, in the order {@code moderation train} rebuilds them: toxicity,
     * spam, and the attribute heads the Perspective-compatible endpoint scores.
     */
    static final List<String> TARGETS = List.of("toxicity", "spam", "insult", "threat", "identity_attack", "profanity");
    private final TextClassifier toxicity;
    private final TextClassifier spam;

    public Classifiers(TextClassifier toxicity, TextClassifier spam) {
        this.toxicity = toxicity;
        this.spam = spam;
    }

    /** The models shipped inside Tribune (src/main/resources/moderation). */
    public static Classifiers loadShipped() {
        return new Classifiers(resource("toxicity.model"), resource("spam.model"));
    }

    /** The shipped models, each replaced by a model file of the same target when one is given. */
    public static Classifiers loadWith(List<Path> modelFiles) throws IOException {
        TextClassifier tox = null;
        TextClassifier sp = null;
        for (Path p : modelFiles) {
            TextClassifier m = ModelFile.read(p);
            if (m.target().equals("spam")) sp = m;
            else if (m.target().equals("toxicity")) tox = m;
        }
        return new Classifiers(tox != null ? tox : resource("toxicity.model"), sp != null ? sp : resource("spam.model"));
    }

    /** The shipped model of one target, or the given file's model when it has that target. */
    public static TextClassifier modelFor(String target, List<Path> modelFiles) throws IOException {
        for (Path p : modelFiles) {
            TextClassifier m = ModelFile.read(p);
            if (m.target().equals(target)) return m;
        }
        return resource(target + ".model");
    }

    /** The shipped model of one target (toxicity, spam or a head). */
    public static TextClassifier shipped(String target) {
        if (!TARGETS.contains(target)) throw new IllegalArgumentException("no shipped model for " + target);
        return resource(target + ".model");
    }

    private static TextClassifier resource(String name) {
        try (InputStream in = Classifiers.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new IllegalStateException("model " + RESOURCE_DIR + name + " is missing from the classpath");
            return ModelFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name, e);
        }
    }

    public TextClassifier toxicityModel() {
        return toxicity;
    }

    public TextClassifier spamModel() {
        return spam;
    }

    public TextClassifier model(String target) {
        return target.equals("spam") ? spam : toxicity;
    }

    /** Scores one comment; null or empty text scores zero risk. */
    @Override
    public TextScores score(String text) {
        String t = text == null ? "" : text;
        // both models usually read text the same way: normalize, tokenize and hash only once
        TextFeatures.FeatureList features = toxicity.features().collect(toxicity.tokens(t));
        TextClassifier.Verdict tox = toxicity.verdict(features, true);
        TextClassifier.Verdict sp = spam.readsLike(toxicity) ? spam.verdict(features, true) : spam.verdict(t, true);
        List<String> reasons = new ArrayList<>(tox.reasons());
        for (String r : sp.reasons()) if (!reasons.contains(r)) reasons.add(r);
        return new TextScores(tox.probability(), sp.probability(), List.copyOf(reasons));
    }
}

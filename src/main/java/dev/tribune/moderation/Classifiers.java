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
    private final ModelVersion toxicityVersion;

    public Classifiers(TextClassifier toxicity, TextClassifier spam) {
        this(toxicity, spam, ModelVersion.unknown(toxicity));
    }

    /** Classifiers whose toxicity model is known by this identity (shown in the console and the log). */
    public Classifiers(TextClassifier toxicity, TextClassifier spam, ModelVersion toxicityVersion) {
        this.toxicity = toxicity;
        this.spam = spam;
        this.toxicityVersion = toxicityVersion;
    }

    /** The models shipped inside Tribune (src/main/resources/moderation). */
    public static Classifiers loadShipped() {
        byte[] bytes = resourceBytes("toxicity.model");
        TextClassifier tox = read(bytes, "toxicity.model");
        return new Classifiers(tox, resource("spam.model"), ModelVersion.of(tox, bytes, "built into Tribune"));
    }

    /** The shipped spam model with this toxicity model file in place of the shipped one. */
    static Classifiers withToxicity(java.nio.file.Path file) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        TextClassifier tox = ModelFile.read(new java.io.ByteArrayInputStream(bytes));
        if (!tox.target().equals("toxicity")) throw new IOException(file + " is a " + tox.target() + " model, not a toxicity model");
        return new Classifiers(tox, resource("spam.model"), ModelVersion.of(tox, bytes, file.toString()));
    }

    /** The running model of a target this holds (toxicity or spam), else the shipped one. */
    public TextClassifier model(String target) {
        return switch (target) {
            case "toxicity" -> toxicity;
            case "spam" -> spam;
            default -> shipped(target);
        };
    }

    /** Identity of the running toxicity model. */
    public ModelVersion toxicityVersion() {
        return toxicityVersion;
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
        return read(resourceBytes(name), name);
    }

    private static byte[] resourceBytes(String name) {
        try (InputStream in = Classifiers.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new IllegalStateException("model " + RESOURCE_DIR + name + " is missing from the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name, e);
        }
    }

    private static TextClassifier read(byte[] bytes, String name) {
        try {
            return ModelFile.read(new java.io.ByteArrayInputStream(bytes));
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

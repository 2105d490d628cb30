package dev.tribune.moderation;

/**
 * Scores a text for toxicity and spam; the trained classifiers plug in here. Until a model is
 * wired, {@link #NONE} scores everything 0, so the score phases let everything through.
 */
@FunctionalInterface
public interface Scorer {
    Scorer NONE = text -> TextScores.ZERO;

    TextScores score(String text);
}

package dev.tribune.moderation;

import java.util.List;

/**
 * What the classifiers think of one comment: probabilities in [0, 1] and the words or
 * phrases that drove them, for the moderation queue to highlight.
 */
public record Scores(double toxicity, double spam, List<String> reasons) {}

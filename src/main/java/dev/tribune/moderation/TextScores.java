package dev.tribune.moderation;

import java.util.List;

/** Classifier scores of one text, each in [0, 1], with the words or features that drove them. */
public record TextScores(double toxicity, double spam, List<String> reasons) {
    public static final TextScores ZERO = new TextScores(0, 0, List.of());

    public TextScores {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

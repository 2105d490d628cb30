package dev.tribune.moderation;

import java.util.List;

/** The pipeline's answer: the deciding verdict, every hold or reject that any phase found, and the scores. */
public record Judgement(Verdict verdict, List<Verdict> findings, TextScores scores) {

    public static Judgement passed(TextScores scores) { return new Judgement(Verdict.PASS, List.of(), scores); }
}

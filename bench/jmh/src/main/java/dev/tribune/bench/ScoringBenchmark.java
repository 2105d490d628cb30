package dev.tribune.bench;

import dev.tribune.moderation.Classifiers;
import dev.tribune.moderation.TextScores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;

/** Comments scored per second on one thread, with comments of about 400 characters. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScoringBenchmark {
    private static final String[] WORDS = ("the council budget vote was rushed and the mayor should explain why "
            + "readers deserve better reporting on schools roads taxes and housing this is an idiot "
            + "idea from a pathetic administration \"quoted\" words don't matter 2026 é ü 😂").split(" ");

    private Classifiers classifiers;
    private String[] comments;
    private int next;

    @Setup
    public void setup() {
        classifiers = Classifiers.loadShipped();
        Random rnd = new Random(42);
        comments = new String[1024];
        for (int i = 0; i < comments.length; i++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 400) {
                sb.append(WORDS[rnd.nextInt(WORDS.length)]);
                sb.append(rnd.nextInt(12) == 0 ? ". " : " ");
            }
            comments[i] = sb.substring(0, 400);
        }
    }

    @Benchmark
    public TextScores score400Chars() {
        next = (next + 1) & (comments.length - 1);
        return classifiers.score(comments[next]);
    }
}

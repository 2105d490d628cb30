package dev.tribune.bench;

import dev.tribune.text.Markdown;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** Rendering and sanitizing one long reader comment (about 1,500 characters with a quote, a list, emphasis and a link). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarkdownBenchmark {
    String comment;

    @Setup
    public void text() {
        StringBuilder s = new StringBuilder("> The council said the seawall would be *fully funded* by spring.\n\n");
        s.append("I went to the meeting on Front Street. Three things stood out:\n\n");
        s.append("1. Nobody could say who pays for the **second phase**.\n2. The ferry tender closes first.\n");
        s.append("3. The figures are at https://example.org/harbour-plan and <b>they do not add up</b>.\n\n");
        while (s.length() < 1_450) {
            s.append("Residents of the Cannery district have asked the same question since the winter flood, ")
                    .append("and the answer keeps moving. ");
        }
        s.append("\n\n[The minutes](https://example.org/minutes) say otherwise.");
        comment = s.toString();
    }

    @Benchmark
    public String renderAndSanitize() {
        return Markdown.comment(comment);
    }
}

package dev.tribune.bench;

import dev.tribune.discussion.CommentNode;
import dev.tribune.discussion.CommentRows;
import dev.tribune.discussion.ThreadAssembler;
import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Building the reader's tree from a whole thread's rows (70% top-level, replies nested up to 9 deep). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThreadAssemblyBenchmark {
    @Param({"1000"})
    int comments;

    List<Comment> roots;
    List<Comment> descendants;

    @Setup
    public void rows() {
        Random r = new Random(1);
        List<Comment> all = new ArrayList<>();
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        int number = 0;
        for (int id = 1; id <= comments; id++) {
            boolean top = id == 1 || r.nextInt(10) < 7;
            Comment parent = top ? null : all.get(all.size() - 1 - r.nextInt(Math.min(all.size(), 40)));
            while (parent != null && parent.depth() >= 9) parent = byId(all, parent.parentId());
            String path = parent == null ? CommentRows.segment(id) : parent.path() + "." + CommentRows.segment(id);
            all.add(new Comment(id, 1, parent == null ? null : parent.id(), parent == null ? id : parent.rootId(),
                    parent == null ? 0 : parent.depth() + 1, parent == null ? ++number : null, path, "Reader " + (id % 97),
                    null, "guest-" + (id % 97), null, "Body " + id, "<p>Body " + id + "</p>", CommentStatus.PUBLISHED, null,
                    0, 0, 0, t.plusSeconds(id), null));
        }
        roots = all.stream().filter(Comment::isTopLevel).toList();
        descendants = all.stream().filter(c -> !c.isTopLevel()).sorted(Comparator.comparing(Comment::path)).toList();
    }

    private static Comment byId(List<Comment> all, long id) {
        return all.get((int) id - 1);
    }

    @Benchmark
    public List<CommentNode> assemble() {
        return ThreadAssembler.assemble(roots, descendants, c -> false);
    }
}

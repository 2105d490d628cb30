package dev.tribune.demo;

import dev.tribune.App;
import dev.tribune.config.Settings;
import dev.tribune.discussion.CommentNode;
import dev.tribune.discussion.CommentRows;
import dev.tribune.discussion.NewComment;
import dev.tribune.discussion.Sort;
import dev.tribune.discussion.ThreadPage;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated newsroom holds the rows the services would have written, so the server reads it as its own. */
class BenchNewsroomIT {
    @TempDir static Path dir;
    static App app;
    static List<BenchNewsroom.Thread> threads;

    @BeforeAll
    static void generate() {
        app = new App(Settings.resolve(Map.of(), 0, "127.0.0.1", "sqlite:" + dir.resolve("bench.db"), null,
                "test-secret-0123456789", null));
        threads = new BenchNewsroom(app, 1).seed(new int[]{19, 300, 120, 40, 60, 25});
    }

    @AfterAll
    static void close() { app.close(); }

    record Row(long id, Long parent, long root, int depth, Integer number, String path) {}

    static List<Row> rows(long discussionId) {
        return app.db.read(h -> h.createQuery("select id, parent_id, root_id, depth, number, path from comment "
                        + "where discussion_id = ? order by id").bind(0, discussionId)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getLong(3),
                        rs.getInt(4), rs.getObject(5) == null ? null : rs.getInt(5), rs.getString(6))).list());
    }

    @Test
    void theSmallThreadHasThirteenTopLevelCommentsAndSixReplies() {
        BenchNewsroom.Thread small = threads.get(0);
        assertThat(small.role()).isEqualTo("small");
        List<Row> rows = rows(small.discussionId());
        assertThat(rows).hasSize(19);
        assertThat(rows.stream().filter(r -> r.parent() == null)).hasSize(13);
        ThreadPage whole = app.threads.page(small.discussionId(), Sort.OLDEST, null, 0, null, null);
        assertThat(whole.comments()).hasSize(13);
        assertThat(count(whole.comments())).isEqualTo(19);
    }

    @Test
    void rowsAgreeWithWhatCommentWriterKeeps() {
        for (BenchNewsroom.Thread t : threads) {
            List<Row> rows = rows(t.discussionId());
            Discussion d = app.discussions.byId(t.discussionId()).orElseThrow();
            assertThat(d.commentCount()).isEqualTo(rows.size()).isEqualTo(t.comments());
            assertThat(d.version()).isEqualTo(1L + rows.size());
            Map<Long, Row> byId = new HashMap<>();
            int nextNumber = 1;
            for (Row r : rows) {
                byId.put(r.id(), r);
                if (r.parent() == null) {
                    assertThat(r.number()).isEqualTo(nextNumber++);
                    assertThat(r.root()).isEqualTo(r.id());
                    assertThat(r.depth()).isZero();
                    assertThat(r.path()).isEqualTo(CommentRows.segment(r.id()));
                } else {
                    Row p = byId.get(r.parent());
                    assertThat(p).as("parent of %d is earlier in the same thread", r.id()).isNotNull();
                    assertThat(r.number()).isNull();
                    assertThat(r.root()).isEqualTo(p.root());
                    assertThat(r.depth()).isEqualTo(p.depth() + 1);
                    assertThat(r.path()).isEqualTo(p.path() + "." + CommentRows.segment(r.id()));
                }
            }
            assertThat(d.nextNumber()).isEqualTo(nextNumber);
            if (t.comments() > 100) {
                assertThat(rows.stream().filter(r -> r.parent() == null).count()).isEqualTo(Math.round(rows.size() * 0.7));
            }
        }
    }

    @Test
    void theServicesCarryOnWhereTheGeneratorStopped() {
        BenchNewsroom.Thread post = threads.get(3);
        Discussion before = app.discussions.byId(post.discussionId()).orElseThrow();
        Comment c = app.comments.post(new NewComment(post.discussionId(), null, "Late Reader", null, "Posted after the seed.",
                new Commenter(null, "guest-late", "ip-late"))).comment();
        assertThat(c.number()).isEqualTo(before.nextNumber());
        Discussion after = app.discussions.byId(post.discussionId()).orElseThrow();
        assertThat(after.commentCount()).isEqualTo(before.commentCount() + 1);
        assertThat(after.version()).isEqualTo(before.version() + 1);
    }

    @Test
    void theDefaultShapeMatchesTheIssue() {
        int[] sizes = BenchNewsroom.threadSizes(100, 1_000_000);
        assertThat(sizes[0]).isEqualTo(19);
        assertThat(sizes[1]).isEqualTo(1_000);
        assertThat(sizes[2]).isEqualTo(20_000);
        assertThat(java.util.Arrays.stream(sizes).sum()).isEqualTo(1_000_000);
        assertThat(java.util.Arrays.stream(sizes).max().orElseThrow()).isLessThanOrEqualTo(20_000);
    }

    private static int count(List<CommentNode> nodes) {
        int n = 0;
        for (CommentNode c : nodes) n += 1 + count(c.replies());
        return n;
    }
}

package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadAssemblerTest {

    static Comment c(long id, Long parent, long root, int depth, String name, CommentStatus status, String guest) {
        return new Comment(id, 1, parent, root, depth, parent == null ? (int) id : null, "", name, null, guest, null,
                "body " + id, "<p>body " + id + "</p>", status, null, 0, 0, 0, Instant.EPOCH, null);
    }

    static Comment pub(long id, Long parent, long root, int depth, String name) {
        return c(id, parent, root, depth, name, CommentStatus.PUBLISHED, null);
    }

    @Test
    void nestsRepliesUnderTheirParentsInOrder() {
        List<Comment> roots = List.of(pub(1, null, 1, 0, "Ana"), pub(2, null, 2, 0, "Ben"));
        List<Comment> desc = List.of(pub(3, 1L, 1, 1, "Cy"), pub(5, 3L, 1, 2, "Di"), pub(4, 1L, 1, 1, "Ed"));
        List<CommentNode> tree = ThreadAssembler.assemble(roots, desc, x -> false);
        assertThat(tree).extracting(n -> n.comment().id()).containsExactly(1L, 2L);
        assertThat(tree.get(0).replies()).extracting(n -> n.comment().id()).containsExactly(3L, 4L);
        assertThat(tree.get(0).replies().get(0).replies()).extracting(n -> n.comment().id()).containsExactly(5L);
        assertThat(tree.get(1).replies()).isEmpty();
    }

    @Test
    void indentationStopsAtTheLimitAndDeeperRepliesSayWhomTheyAnswer() {
        List<Comment> desc = new ArrayList<>();
        long parent = 1;
        for (int depth = 1; depth <= Limits.MAX_INDENT_DEPTH + 2; depth++) {
            desc.add(pub(100 + depth, parent, 1, depth, "N" + depth));
            parent = 100 + depth;
        }
        CommentNode n = ThreadAssembler.assemble(List.of(pub(1, null, 1, 0, "Root")), desc, x -> false).get(0);
        int depth = 0;
        while (!n.replies().isEmpty()) {
            n = n.replies().get(0);
            depth++;
            assertThat(n.indent()).isEqualTo(Math.min(depth, Limits.MAX_INDENT_DEPTH));
            if (depth > Limits.MAX_INDENT_DEPTH) assertThat(n.inReplyTo()).isEqualTo("N" + (depth - 1));
            else assertThat(n.inReplyTo()).isNull();
        }
        assertThat(depth).isEqualTo(Limits.MAX_INDENT_DEPTH + 2);
    }

    @Test
    void aDeletedCommentWithRepliesStaysAsATombstoneAndWithoutRepliesDisappears() {
        List<Comment> roots = List.of(c(1, null, 1, 0, "Gone", CommentStatus.DELETED, null), c(2, null, 2, 0, "Gone2", CommentStatus.DELETED, null));
        List<Comment> desc = List.of(pub(3, 1L, 1, 1, "Stays"));
        List<CommentNode> tree = ThreadAssembler.assemble(roots, desc, x -> false);
        assertThat(tree).hasSize(1);
        assertThat(tree.get(0).tombstone()).isTrue();
        assertThat(tree.get(0).replies()).extracting(n -> n.comment().authorName()).containsExactly("Stays");
    }

    @Test
    void heldCommentsShowOnlyToTheirWriter() {
        List<Comment> roots = List.of(pub(1, null, 1, 0, "Ana"));
        List<Comment> desc = List.of(c(2, 1L, 1, 1, "Mine", CommentStatus.PENDING, "me"), c(3, 1L, 1, 1, "Theirs", CommentStatus.PENDING, "them"),
                c(4, 1L, 1, 1, "Rejected", CommentStatus.REJECTED, "me"));
        List<CommentNode> tree = ThreadAssembler.assemble(roots, desc, x -> "me".equals(x.guestKey()));
        assertThat(tree.get(0).replies()).extracting(n -> n.comment().authorName()).containsExactly("Mine");
        assertThat(tree.get(0).replies().get(0).awaitingReview()).isTrue();
        assertThat(ThreadAssembler.assemble(roots, desc, x -> false).get(0).replies()).isEmpty();
    }

    @Test
    void aHiddenCommentWithVisibleRepliesStaysAsARemovedTombstoneAndWithoutThemDisappears() {
        List<Comment> roots = List.of(c(1, null, 1, 0, "Bad", CommentStatus.REJECTED, null), c(2, null, 2, 0, "Alone", CommentStatus.REJECTED, null));
        List<Comment> desc = List.of(pub(3, 1L, 1, 1, "Reply"));
        List<CommentNode> tree = ThreadAssembler.assemble(roots, desc, x -> false);
        assertThat(tree).extracting(n -> n.comment().id()).containsExactly(1L);
        assertThat(tree.get(0).tombstone()).isTrue();
        assertThat(tree.get(0).tombstoneText()).isEqualTo("[removed]");
        assertThat(tree.get(0).replies()).extracting(n -> n.comment().authorName()).containsExactly("Reply");
    }

    @Test
    void someoneElsesHeldCommentOverAReplyIsATombstoneButItsWriterSeesItWhole() {
        List<Comment> roots = List.of(c(1, null, 1, 0, "Held", CommentStatus.PENDING, "writer"));
        List<Comment> desc = List.of(pub(2, 1L, 1, 1, "Reply"));
        CommentNode forOthers = ThreadAssembler.assemble(roots, desc, x -> false).get(0);
        assertThat(forOthers.tombstone()).isTrue();
        assertThat(forOthers.awaitingReview()).isFalse();
        CommentNode forWriter = ThreadAssembler.assemble(roots, desc, x -> "writer".equals(x.guestKey())).get(0);
        assertThat(forWriter.tombstone()).isFalse();
        assertThat(forWriter.awaitingReview()).isTrue();
    }

    @Test
    void aHiddenReplyOverAHiddenReplyOverAPublishedOneKeepsTheChain() {
        List<Comment> roots = List.of(pub(1, null, 1, 0, "Root"));
        List<Comment> desc = List.of(c(2, 1L, 1, 1, "Hidden", CommentStatus.REJECTED, null), c(3, 2L, 1, 2, "Gone", CommentStatus.DELETED, null),
                pub(4, 3L, 1, 3, "Leaf"), c(5, 1L, 1, 1, "HiddenLeaf", CommentStatus.REJECTED, null));
        CommentNode root = ThreadAssembler.assemble(roots, desc, x -> false).get(0);
        assertThat(root.replies()).extracting(n -> n.comment().id()).containsExactly(2L);
        CommentNode hidden = root.replies().get(0);
        assertThat(hidden.tombstoneText()).isEqualTo("[removed]");
        assertThat(hidden.replies().get(0).tombstoneText()).isEqualTo("[deleted]");
        assertThat(hidden.replies().get(0).replies()).extracting(n -> n.comment().authorName()).containsExactly("Leaf");
    }
}

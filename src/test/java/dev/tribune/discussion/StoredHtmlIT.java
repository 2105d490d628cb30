package dev.tribune.discussion;

import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Commenter;
import dev.tribune.text.Markdown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read path never renders Markdown: it serves the HTML the write path stored. So the stored
 * HTML must be exactly what rendering the Markdown gives, after posting and after every edit.
 */
@OnEveryDatabase
class StoredHtmlIT {
    static final String FIRST = "A *quote* from the [minutes](https://example.org/m):\n\n> The quay wall holds.\n\n"
            + "- one\n- two <script>alert(1)</script>";
    static final String EDITED = "Changed my mind: **the wall leaks**.\n\n1. photos\n2. `measurements`";

    @Parameter TestDatabase database;
    static TestTribune t;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) { t = TestTribune.start(database); }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    static String stored(long id) {
        return t.app.db.read(h -> h.createQuery("select body_html from comment where id = :id").bind("id", id)
                .mapTo(String.class).one());
    }

    static Comment onThePage(long id) {
        return t.app.threads.page(t.discussionId(), Sort.OLDEST, null, 0, null, null).comments().stream()
                .map(CommentNode::comment).filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Test
    void theStoredHtmlIsTheRenderedMarkdownAfterPostingAndAfterAnEdit() throws Exception {
        Commenter writer = new Commenter(null, "stored-html-writer", "ip");
        Comment c = t.app.comments.post(new NewComment(t.discussionId(), null, "Hal", null, FIRST, writer)).comment();

        String first = Markdown.comment(FIRST);
        assertThat(first).contains("<em>quote</em>", "<blockquote>", "nofollow", "&lt;script&gt;").doesNotContain("<script");
        assertThat(stored(c.id())).isEqualTo(first);
        assertThat(onThePage(c.id()).bodyHtml()).isEqualTo(first);
        assertThat(t.get(TestTribune.browser(), "/articles/harbour-story").body()).contains(first);

        t.app.comments.edit(c.id(), EDITED, writer);
        String edited = Markdown.comment(EDITED);
        assertThat(edited).contains("<strong>the wall leaks</strong>", "<ol>", "<code>measurements</code>");
        assertThat(stored(c.id())).isEqualTo(edited);
        assertThat(onThePage(c.id()).bodyHtml()).isEqualTo(edited);
        String page = t.get(TestTribune.browser(), "/articles/harbour-story").body();
        assertThat(page).contains(edited).doesNotContain("The quay wall holds.");
    }
}

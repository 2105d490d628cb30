package dev.tribune.store;

import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.discussion.CommentNode;
import dev.tribune.discussion.NewComment;
import dev.tribune.discussion.Sort;
import dev.tribune.discussion.ThreadPage;
import dev.tribune.domain.Account;
import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Refusal;
import dev.tribune.domain.Role;
import dev.tribune.publishing.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every service's statements, run once on each database: the same calls give the same answers. */
@OnEveryDatabase
class EveryStatementIT {
    @Parameter TestDatabase database;
    static TestTribune t;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) { t = TestTribune.start(database); }

    @AfterParameterizedClassInvocation
    static void stop() { t.close(); }

    static Commenter guest(String key) { return new Commenter(null, key, "ip-" + key); }

    static Comment post(long discussion, Long parent, String key, String body) {
        return t.app.comments.post(new NewComment(discussion, parent, "Reader " + key, null, body, guest(key))).comment();
    }

    static List<Long> ids(List<CommentNode> nodes) {
        return nodes.stream().map(n -> n.comment().id()).toList();
    }

    @Test
    void aThreadLivesThroughRepliesEditsVotesDeletionModerationAndPaging() {
        long d = t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft("thread-tour", "Thread tour", "", "Body.",
                t.author.id(), List.of(), Instant.now().minusSeconds(60))).id();
        long discussion = t.app.discussions.forArticle(d).orElseThrow().id();
        Comment top = post(discussion, null, "g1", "First.");
        Comment reply = post(discussion, top.id(), "g2", "A reply.");
        Comment deep = post(discussion, reply.id(), "g3", "Deeper.");
        assertThat(top.number()).isEqualTo(1);
        assertThat(deep.depth()).isEqualTo(2);
        assertThat(deep.path()).startsWith(reply.path() + ".").startsWith(top.path() + ".");

        assertThat(t.app.comments.edit(reply.id(), "A *changed* reply.", guest("g2")).bodyHtml()).contains("<em>changed</em>");
        assertThat(t.app.votes.vote(top.id(), 1, guest("g2")).score()).isEqualTo(1);
        assertThat(t.app.votes.vote(top.id(), -1, guest("g3")).score()).isZero();
        assertThat(t.app.votes.mine(discussion, guest("g2"))).containsEntry(top.id(), 1).hasSize(1);
        t.app.votes.vote(top.id(), 0, guest("g3"));
        assertThat(t.app.votes.mine(discussion, guest("g3"))).isEmpty();

        t.app.comments.delete(top.id(), guest("g1"));
        ThreadPage whole = t.app.threads.page(discussion, Sort.OLDEST, null, 0, null, null);
        assertThat(ids(whole.comments())).containsExactly(top.id());
        assertThat(whole.comments().get(0).tombstone()).isTrue();
        assertThat(ids(whole.comments().get(0).replies())).containsExactly(reply.id());

        t.app.comments.moderate(deep.id(), CommentStatus.REJECTED, "off topic");
        assertThat(t.app.discussions.forArticle(d).orElseThrow().commentCount()).isEqualTo(1);
        assertThat(t.app.threads.locate(deep.id())).isEmpty();
        t.app.comments.moderate(deep.id(), CommentStatus.PUBLISHED, "on second thought");
        assertThat(t.app.threads.locate(deep.id())).isPresent();
        assertThat(t.app.discussions.forArticle(d).orElseThrow().commentCount()).isEqualTo(2);

        Comment second = post(discussion, null, "g4", "Second.");
        Comment third = post(discussion, null, "g5", "Third.");
        t.app.votes.vote(second.id(), 1, guest("g1"));
        ThreadPage newest = t.app.threads.page(discussion, Sort.NEWEST, null, 2, null, null);
        assertThat(ids(newest.comments())).containsExactly(third.id(), second.id());
        assertThat(ids(t.app.threads.page(discussion, Sort.NEWEST, newest.nextCursor(), 2, null, null).comments()))
                .containsExactly(top.id());
        ThreadPage best = t.app.threads.page(discussion, Sort.BEST, null, 1, null, null);
        assertThat(ids(best.comments())).containsExactly(second.id());
        assertThat(ids(t.app.threads.page(discussion, Sort.BEST, best.nextCursor(), 5, null, null).comments()))
                .as("top kept one upvote; ties go to the newer comment").containsExactly(top.id(), third.id());

        t.app.discussions.setPremoderated(discussion, true);
        Comment held = post(discussion, null, "g6", "Held for review.");
        assertThat(held.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(ids(t.app.threads.page(discussion, Sort.OLDEST, null, 0, "g6", null).comments())).contains(held.id());
        assertThat(ids(t.app.threads.page(discussion, Sort.OLDEST, null, 0, "g7", null).comments())).doesNotContain(held.id());

        t.app.discussions.setOpen(discussion, false);
        assertThatThrownBy(() -> post(discussion, null, "g8", "Too late.")).isInstanceOf(Refusal.class);
    }

    @Test
    void theNewsroomAndItsStaffAreStoredAndFound() {
        var author = t.app.newsroom.addAuthor(t.site.id(), "bo-editor", "Bo Editor", "Edits.", "https://example.org/bo.png");
        assertThat(t.app.newsroom.authors(t.site.id())).extracting(a -> a.slug()).contains("ada-reporter", "bo-editor");
        assertThat(t.app.newsroom.author(t.site.id(), "bo-editor")).contains(author);
        assertThat(t.app.newsroom.authorById(author.id())).contains(author);

        var draft = t.app.newsroom.create(t.site.id(), new Newsroom.ArticleDraft("a-draft", "A draft", "", "Not yet.",
                author.id(), List.of("x"), null));
        assertThat(t.app.newsroom.latest(t.site.id(), 10)).extracting(l -> l.article().slug()).doesNotContain("a-draft");
        assertThat(t.app.newsroom.all(t.site.id(), Integer.MAX_VALUE)).extracting(l -> l.article().slug()).contains("a-draft");
        t.app.newsroom.update(draft.id(), new Newsroom.ArticleDraft("a-draft", "Now published", "", "Out.", author.id(),
                List.of("x", "y"), Instant.now().minusSeconds(5)));
        assertThat(t.app.newsroom.byAuthor(t.site.id(), author.id(), 10)).extracting(l -> l.article().headline())
                .containsExactly("Now published");
        assertThat(t.app.newsroom.bySlug(t.site.id(), "a-draft").orElseThrow().tags()).containsExactly("x", "y");

        Account a = t.app.accounts.add(t.site.id(), "Mod@Example.org", "Mo", Role.MODERATOR, "a long password", null);
        assertThat(t.app.accounts.authenticate(t.site.id(), "mod@example.org", "a long password")).contains(a);
        assertThat(t.app.accounts.authenticate(t.site.id(), "mod@example.org", "wrong password")).isEmpty();
        assertThat(t.app.accounts.forSite(t.site.id())).contains(a);
        String token = t.app.sessions.start(a);
        assertThat(t.app.sessions.find(token)).hasValueSatisfying(s -> assertThat(s.account()).isEqualTo(a));
        t.app.sessions.end(token);
        assertThat(t.app.sessions.find(token)).isEmpty();

        var page = t.app.discussions.ensurePage(t.site.id(), "https://example.org/page", "A page", "https://example.org/page");
        assertThat(t.app.discussions.ensurePage(t.site.id(), "https://example.org/page", "A page", "https://example.org/page").id())
                .isEqualTo(page.id());
        assertThat(t.app.discussions.forPage(t.site.id(), "https://example.org/page")).contains(page);
    }
}

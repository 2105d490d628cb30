package dev.tribune.web;

import dev.tribune.discussion.CommentNode;
import dev.tribune.discussion.Limits;
import dev.tribune.discussion.ThreadPage;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Comment;
import dev.tribune.domain.Site;

import java.time.Instant;
import java.util.Map;

/**
 * Everything the article page renders. replyTo is the comment whose inline reply form is open
 * (pages without JavaScript); myVotes and the visitor make parts of the page personal.
 */
public record ArticleView(Site site, Article article, Author author, ThreadPage thread, CommentForm form, Long replyTo,
                          Map<Long, Integer> myVotes, Visitor visitor) {

    public boolean open() { return thread.discussion().open(); }

    public int commentCount() { return thread.discussion().commentCount(); }

    public String path() { return "/articles/" + article.slug(); }

    /**
     * The query that names the page being shown (sort, and the cursor it starts after). Reply links
     * and form actions carry it so that a reply form, or a form shown again with its errors, opens on
     * the page where its comment is, not on the first page.
     */
    public String pageQuery() {
        return "sort=" + thread.sort().param() + (thread.cursor() == null ? "" : "&after=" + thread.cursor());
    }

    public String replyLink(Comment c) { return path() + "?reply=" + c.id() + "&" + pageQuery() + "#reply-" + c.id(); }

    /** When the writer's edit window closes, so the page script can take the Edit link away in time. */
    public Instant editableUntil(Comment c) { return c.createdAt().plus(Limits.EDIT_WINDOW); }

    public String sortLink(String sort) { return path() + "?sort=" + sort + "#comments"; }

    public String moreLink() {
        return path() + "?sort=" + thread.sort().param() + "&after=" + thread.nextCursor() + "#comments";
    }

    public int myVote(Comment c) { return myVotes.getOrDefault(c.id(), 0); }

    /** The writer may still edit or delete this comment from this browser. */
    public boolean mine(Comment c) { return visitor != null && visitor.commenter().wrote(c); }

    public boolean editable(Comment c) {
        return mine(c) && Instant.now().isBefore(c.createdAt().plus(Limits.EDIT_WINDOW));
    }

    public String csrf() { return visitor != null && visitor.staff() != null ? visitor.staff().csrfToken() : ""; }

    public boolean isReplyTarget(CommentNode n) { return replyTo != null && replyTo == n.comment().id(); }

    public CommentForm formFor(CommentNode n) {
        return form.parentId() != null && form.parentId() == n.comment().id() ? form : CommentForm.EMPTY;
    }
}

package dev.tribune.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tribune.discussion.CommentNode;
import dev.tribune.discussion.ThreadPage;
import dev.tribune.discussion.Votes;
import dev.tribune.domain.Article;
import dev.tribune.domain.Author;
import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Discussion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shapes the JSON API answers with. They name only what a reader may see: never an email,
 * a browser key, an address hash or an account id.
 */
final class ApiJson {
    private ApiJson() {}

    record Byline(String slug, String name) {
        static Byline of(Author a) { return a == null ? null : new Byline(a.slug(), a.name()); }
    }

    record ArticleJson(String slug, String headline, String standfirst, Byline author, Instant publishedAt,
                       List<String> tags, String url, long discussionId, int commentCount, boolean commentsOpen,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String bodyHtml) {

        static ArticleJson of(Article a, Author author, long discussionId, int commentCount, boolean open, boolean withBody) {
            return new ArticleJson(a.slug(), a.headline(), a.standfirst(), Byline.of(author), a.publishedAt(), a.tags(),
                    "/articles/" + a.slug(), discussionId, commentCount, open, withBody ? a.bodyHtml() : null);
        }
    }

    record ArticleList(List<ArticleJson> articles) {}

    record Writer(String name, String badge) {}

    /** One comment; discussionId, url and message appear only when a single comment is answered. */
    record CommentJson(long id, Integer number, Long parentId, int depth, int indent, String inReplyTo, Writer author,
                       String html, Instant createdAt, Instant editedAt, int score, int upvotes, int downvotes,
                       String status, List<CommentJson> replies,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long discussionId,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String url,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String message) {

        static CommentJson of(CommentNode n) {
            Comment c = n.comment();
            String status = n.tombstone() ? (c.status() == CommentStatus.DELETED ? "deleted" : "removed") : n.awaitingReview() ? "pending" : "published";
            Writer writer = n.tombstone() ? new Writer("", null) : new Writer(c.authorName(), c.badge());
            return new CommentJson(c.id(), c.number(), c.parentId(), c.depth(), n.indent(), n.inReplyTo(), writer,
                    n.tombstone() ? "" : c.bodyHtml(), c.createdAt(), n.tombstone() ? null : c.editedAt(),
                    c.score(), c.upvotes(), c.downvotes(), status, n.replies().stream().map(CommentJson::of).toList(),
                    null, null, null);
        }

        /** This comment answered on its own: with its discussion, its permalink and any word about moderation. */
        CommentJson single(long discussion, String note) {
            return new CommentJson(id, number, parentId, depth, indent, inReplyTo, author, html, createdAt, editedAt, score,
                    upvotes, downvotes, status, replies, discussion, "/c/" + id, note);
        }
    }

    record DiscussionJson(long id, int commentCount, boolean open, long version) {
        static DiscussionJson of(Discussion d) {
            return new DiscussionJson(d.id(), d.commentCount(), d.open(), d.version());
        }
    }

    record ThreadJson(DiscussionJson discussion, String sort, List<CommentJson> comments, String nextCursor) {
        static ThreadJson of(ThreadPage p) {
            return new ThreadJson(DiscussionJson.of(p.discussion()), p.sort().param(),
                    p.comments().stream().map(CommentJson::of).toList(), p.nextCursor());
        }
    }

    record TallyJson(int score, int upvotes, int downvotes, int myVote) {
        static TallyJson of(Votes.Tally t) {
            return new TallyJson(t.score(), t.upvotes(), t.downvotes(), t.myVote());
        }
    }

    /** The viewer's personal bits of a discussion, kept apart so shared thread bytes stay shared. */
    record MeJson(Map<String, Integer> myVotes, List<Long> editable, List<Long> mine) {}
}

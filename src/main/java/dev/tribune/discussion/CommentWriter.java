package dev.tribune.discussion;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import dev.tribune.moderation.CommentHistory;
import dev.tribune.moderation.Decisions;
import dev.tribune.moderation.Judgement;
import dev.tribune.moderation.Pipeline;
import dev.tribune.moderation.Submission;
import dev.tribune.moderation.Verdict;
import dev.tribune.store.Database;
import dev.tribune.store.Jdbc;
import dev.tribune.text.Markdown;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The one way comments enter and change: checks the input, runs the moderation pipeline, then
 * stores the comment, its discussion's count and version, and an event, in one transaction.
 */
public final class CommentWriter {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Control characters have no place in a name; PostgreSQL cannot even store NUL in text. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** In a comment, tabs and line breaks are text; other control characters are not. */
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Pipeline pipeline;
    private final Consumer<Long> afterChange;
    private final Consumer<Discussion> afterPublished;
    private final Admission admission;

    /** afterChange is told the discussion id after each committed change (caches, live streams). */
    public CommentWriter(Database db, Pipeline pipeline, Consumer<Long> afterChange) {
        this(db, pipeline, afterChange, Admission.ANYONE);
    }

    /** A writer that first asks admission whether the commenter may post on the discussion's site at all. */
    public CommentWriter(Database db, Pipeline pipeline, Consumer<Long> afterChange, Admission admission) {
        this(db, pipeline, afterChange, d -> afterChange.accept(d.id()), admission);
    }

    /**
     * afterPublished is told, instead of afterChange, the discussion as a new comment's publication
     * left it (its count and version as committed), so that caches can take it in without reading it again.
     */
    public CommentWriter(Database db, Pipeline pipeline, Consumer<Long> afterChange, Consumer<Discussion> afterPublished,
                         Admission admission) {
        this.db = db;
        this.pipeline = pipeline;
        this.afterChange = afterChange;
        this.afterPublished = afterPublished;
        this.admission = admission;
    }

    public Posted post(NewComment in) {
        String name = in.name() == null ? "" : in.name().strip();
        String email = in.email() == null ? "" : in.email().strip();
        String body = in.body() == null ? "" : in.body().strip();
        if (in.commenter().account() != null && name.isEmpty()) name = in.commenter().account().displayName();
        // A signed-in reader always writes under their own profile name, never one typed into the form.
        if (in.commenter().account() != null && !in.commenter().account().role().isStaff()) {
            name = in.commenter().account().displayName();
            email = "";
        }
        Where where = db.read(h -> {
            Where w = Where.read(h, in.discussionId(), in.parentId());
            if (w.discussion() == null) throw Refusal.notFound("There is no discussion " + in.discussionId() + ".");
            // Who may post comes first: a guest on an accounts-only site hears "sign in", not "give a name".
            admission.admit(h, w.discussion(), in.commenter());
            return w;
        });
        Discussion d = where.discussion();
        checkFields(name, email, body);
        if (!d.open()) throw new Refusal(403, "comments-closed", "Comments are closed on this article.");
        if (in.parentId() != null) checkParent(where.parent(), d.id());

        // Policy and classifier scores first, then every history query of the pipeline on one reader connection.
        Submission submission = pipeline.prepare(new Submission(d, in.parentId(), in.commenter(), name, email, body, false,
                in.confirm(), null, null));
        String finalName = name, finalEmail = email;
        // One writer's posts are judged and stored one after the other, so that a burst of them
        // cannot all read the same past and slip through the rate limits together.
        Posted saved = db.oneAtATime(writerNames(d.siteId(), in.commenter()), () -> {
            Judgement judged = db.read(h -> pipeline.judge(submission, CommentHistory.on(h)));
            Verdict verdict = judged.verdict();
            if (verdict.outcome() == Verdict.Outcome.REJECT || verdict.outcome() == Verdict.Outcome.NUDGE) throw verdict.refusal();
            return store(in, finalName, finalEmail, body, judged, submission, Instant.now());
        });
        told(saved);
        return saved;
    }

    /** The discussion and the comment replied to, read together before a post is judged. */
    private record Where(Discussion discussion, Optional<Comment> parent) {

        static Where read(Handle h, long discussionId, Long parentId) {
            Discussion d = Discussions.find(h, discussionId).orElse(null);
            if (d == null) return new Where(null, Optional.empty());
            return new Where(d, parentId == null ? Optional.empty() : load(h, parentId));
        }
    }

    /**
     * Stores a comment that already passed its checks elsewhere, published at a given time: the
     * demo newsroom and importers of other systems' exports come in this way, skipping the pipeline.
     */
    public Comment importPublished(NewComment in, Instant createdAt) {
        String name = in.name() == null ? "" : in.name().strip();
        String email = in.email() == null ? "" : in.email().strip();
        String body = in.body() == null ? "" : in.body().strip();
        checkFields(name, email, body);
        if (in.parentId() != null) checkParent(db.read(h -> load(h, in.parentId())), in.discussionId());
        Posted posted = store(in, name, email, body, null, null, createdAt);
        told(posted);
        return posted.comment();
    }

    /** After a committed post: a publication hands on the discussion as it left it; a held comment is told by id. */
    private void told(Posted p) {
        if (p.discussion() != null) afterPublished.accept(p.discussion());
        else afterChange.accept(p.comment().discussionId());
    }

    /**
     * Stores the comment and answers it as stored, without reading it back; judged and submission
     * are null for imports, which keep no pipeline record.
     */
    private Posted store(NewComment in, String name, String email, String body, Judgement judged, Submission submission,
                         Instant at) {
        Verdict verdict = judged == null ? Verdict.PASS : judged.verdict();
        String html = Markdown.comment(body);
        String finalEmail = email.isEmpty() ? null : email;
        Instant createdAt = Instant.ofEpochMilli(at.toEpochMilli());
        Commenter who = in.commenter();
        return db.write(h -> {
            Discussion fresh = Discussions.find(h, in.discussionId()).orElseThrow(
                    () -> Refusal.notFound("There is no discussion " + in.discussionId() + "."));
            if (submission != null && db.sharedByNodes()) {
                // Another node may be storing a post of the same writer: wait for it, then check again.
                db.dialect().lockNames(h, writerNames(fresh.siteId(), who));
                pipeline.recheck(submission, CommentHistory.on(h)).ifPresent(refused -> { throw refused.refusal(); });
            }
            Comment parent = null;
            if (in.parentId() != null) {
                parent = load(h, in.parentId()).orElseThrow();
                if (parent.status() != CommentStatus.PUBLISHED) {
                    throw Refusal.invalid("parentId", "You can only reply to a published comment; that one is no longer shown.");
                }
            }
            CommentStatus status = verdict.passes() ? CommentStatus.PUBLISHED : CommentStatus.PENDING;
            String reason = verdict.passes() ? null : verdict.reason();
            String badge = badge(h, fresh, who);
            int depth = parent == null ? 0 : parent.depth() + 1;
            // Plain JDBC (Jdbc) for the statements of every post: JDBI's setting up of each cost more than running it.
            long id = Jdbc.one(h, "insert into comment (discussion_id, parent_id, depth, author_name, author_email, "
                            + "account_id, guest_key, ip_hash, badge, body_md, body_html, status, status_reason, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                    fresh.id(), in.parentId(), depth, name, finalEmail, who.accountId(), who.guestKey(), who.ipHash(), badge,
                    body, html, status.db(), reason, createdAt.toEpochMilli());
            long rootId = parent == null ? id : parent.rootId();
            String path = (parent == null ? "" : parent.path() + ".") + CommentRows.segment(id);
            Counted counted = status == CommentStatus.PUBLISHED ? countIn(h, fresh.id(), id, parent == null) : null;
            Integer number = counted == null ? null : counted.number();
            Jdbc.update(h, "update comment set root_id = ?, path = ?, number = ? where id = ?", rootId, path, number, id);
            if (judged != null) Decisions.recordPipeline(h, id, judged);
            Comment saved = new Comment(id, fresh.id(), in.parentId(), rootId, depth, number, path, name, who.accountId(),
                    who.guestKey(), badge, body, html, status, reason, 0, 0, 0, createdAt, null);
            return new Posted(saved, verdict, parent == null ? null : parent.authorName(), counted == null ? null : counted.after());
        });
    }

    /** The names a writer's posts are serialized under: who writes, and from which address. */
    private static List<String> writerNames(long siteId, Commenter who) {
        String writer = "posting:" + siteId + ":" + who.voterKey();
        return who.ipHash() == null ? List.of(writer) : List.of(writer, "posting:" + siteId + ":address:" + who.ipHash());
    }

    /** The writer changes the text within the edit window; it passes the pipeline again. */
    public Comment edit(long commentId, String newBody, Commenter who) {
        String body = newBody == null ? "" : newBody.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        checkBody(body, errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors);
        Comment c = db.read(h -> load(h, commentId)).orElseThrow(() -> Refusal.notFound("There is no comment " + commentId + "."));
        if (!who.wrote(c)) throw Refusal.forbidden("Only the writer of a comment can edit it.");
        if (c.status() == CommentStatus.DELETED || c.status() == CommentStatus.REJECTED) {
            throw new Refusal(409, "not-editable", "This comment can no longer be edited.");
        }
        if (Instant.now().isAfter(c.createdAt().plus(Limits.EDIT_WINDOW))) {
            throw new Refusal(403, "edit-window-closed", "Comments can be edited for "
                    + Limits.EDIT_WINDOW.toMinutes() + " minutes after posting; this one can no longer be changed.");
        }
        Discussion d = db.read(h -> Discussions.find(h, c.discussionId())).orElseThrow();
        Judgement judged = pipeline.judge(new Submission(d, c.parentId(), who, c.authorName(), null, body, true));
        Verdict verdict = judged.verdict();
        if (verdict.outcome() == Verdict.Outcome.REJECT || verdict.outcome() == Verdict.Outcome.NUDGE) throw verdict.refusal();
        String html = Markdown.comment(body);
        Comment saved = db.write(h -> {
            h.createUpdate("update comment set body_md = ?, body_html = ?, edited_at = ? where id = ?")
                    .bind(0, body).bind(1, html).bind(2, System.currentTimeMillis()).bind(3, commentId).execute();
            if (!verdict.passes() && c.status() == CommentStatus.PUBLISHED) {
                setStatus(h, c, CommentStatus.PENDING, verdict.reason());
            } else if (c.status() == CommentStatus.PUBLISHED) {
                bumpVersion(h, c.discussionId());
                EventLog.append(h, c.discussionId(), "comment.edited", commentId, json(Map.of("id", commentId, "html", html)));
            }
            Decisions.recordPipeline(h, commentId, judged);
            return load(h, commentId).orElseThrow();
        });
        afterChange.accept(saved.discussionId());
        return saved;
    }

    /** The writer deletes their comment; with replies under it, it stays as a "[deleted]" tombstone. */
    public void delete(long commentId, Commenter who) {
        Comment c = db.read(h -> load(h, commentId)).orElseThrow(() -> Refusal.notFound("There is no comment " + commentId + "."));
        if (!who.wrote(c)) throw Refusal.forbidden("Only the writer of a comment can delete it.");
        if (c.status() == CommentStatus.DELETED) throw new Refusal(409, "already-deleted", "This comment was already deleted.");
        db.update(h -> {
            setStatus(h, c, CommentStatus.DELETED, "deleted by its writer");
            h.createUpdate("update comment set body_md = '', body_html = '', deleted_at = ? where id = ?")
                    .bind(0, System.currentTimeMillis()).bind(1, commentId).execute();
        });
        afterChange.accept(c.discussionId());
    }

    /** Staff hide (reject) or restore (publish) a comment, with a reason kept on it. */
    public Comment moderate(long commentId, CommentStatus to, String reason) {
        if (to != CommentStatus.PUBLISHED && to != CommentStatus.REJECTED) {
            throw new IllegalArgumentException("staff can publish or reject, not " + to);
        }
        Comment saved = db.write(h -> {
            Comment c = load(h, commentId).orElseThrow(() -> Refusal.notFound("There is no comment " + commentId + "."));
            if (c.status() == CommentStatus.DELETED) throw new Refusal(409, "deleted", "Its writer deleted this comment.");
            setStatus(h, c, to, reason);
            return load(h, commentId).orElseThrow();
        });
        afterChange.accept(saved.discussionId());
        return saved;
    }

    /** Takes a published comment out of the thread for review (readers' reports), keeping the reason on it. */
    public Comment hold(long commentId, String reason) {
        Comment saved = db.write(h -> {
            Comment c = load(h, commentId).orElseThrow(() -> Refusal.notFound("There is no comment " + commentId + "."));
            if (c.status() == CommentStatus.PUBLISHED) setStatus(h, c, CommentStatus.PENDING, reason);
            return load(h, commentId).orElseThrow();
        });
        afterChange.accept(saved.discussionId());
        return saved;
    }

    /** Moves a comment between statuses, keeping the discussion's count, numbers, version and events true. */
    private void setStatus(Handle h, Comment c, CommentStatus to, String reason) {
        if (c.status() == to) return;
        h.createUpdate("update comment set status = ?, status_reason = ? where id = ?")
                .bind(0, to.db()).bind(1, reason).bind(2, c.id()).execute();
        if (to == CommentStatus.PUBLISHED) {
            publish(h, c.discussionId(), c.id(), c.isTopLevel() && c.number() == null);
        } else if (c.status() == CommentStatus.PUBLISHED) {
            h.createUpdate("update discussion set comment_count = comment_count - 1, version = version + 1 where id = ?")
                    .bind(0, c.discussionId()).execute();
            EventLog.append(h, c.discussionId(), "comment.removed", c.id(), json(Map.of("id", c.id(), "status", to.db())));
        }
    }

    private void publish(Handle h, long discussionId, long commentId, boolean needsNumber) {
        Integer number = countIn(h, discussionId, commentId, needsNumber).number();
        if (number != null) h.createUpdate("update comment set number = ? where id = ?").bind(0, number).bind(1, commentId).execute();
    }

    /** The number a published comment took (null when it needs none) and its discussion as the publication left it. */
    private record Counted(Integer number, Discussion after) {}

    /**
     * Counts a comment into its discussion and logs its publication; returns the number it takes
     * when it needs one (a top-level comment published for the first time), for the caller to store.
     */
    private static Counted countIn(Handle h, long discussionId, long commentId, boolean needsNumber) {
        Discussion after = Jdbc.first(h, "update discussion set " + (needsNumber ? "next_number = next_number + 1, " : "")
                        + "comment_count = comment_count + 1, version = version + 1 where id = ? returning " + CommentRows.DISCUSSION_COLUMNS,
                rs -> CommentRows.DISCUSSION.map(rs, null), discussionId).orElseThrow();
        // The discussion's row was just updated, so this transaction holds its lock already.
        EventLog.appendLocked(h, discussionId, "comment.published", commentId, "{\"id\":" + commentId + "}");
        return new Counted(needsNumber ? after.nextNumber() - 1 : null, after);
    }

    private static void bumpVersion(Handle h, long discussionId) {
        h.createUpdate("update discussion set version = version + 1 where id = ?").bind(0, discussionId).execute();
    }

    private static void checkParent(Optional<Comment> parent, long discussionId) {
        if (parent.isEmpty() || parent.get().discussionId() != discussionId) {
            throw Refusal.invalid("parentId", "The comment you are replying to is not part of this discussion.");
        }
        if (parent.get().status() == CommentStatus.DELETED) {
            throw Refusal.invalid("parentId", "The comment you are replying to was deleted.");
        }
        if (parent.get().status() != CommentStatus.PUBLISHED) {
            throw Refusal.invalid("parentId", "You can only reply to a published comment; that one is not shown.");
        }
    }

    private static String badge(Handle h, Discussion d, Commenter who) {
        if (who.account() == null) return null;
        if (!who.account().role().isStaff()) return readerBadge(h, who.account());
        if (d.articleId() != null && who.account().authorId() != null) {
            Long author = h.createQuery("select author_id from article where id = ?").bind(0, d.articleId())
                    .mapTo(Long.class).findOne().orElse(null);
            if (who.account().authorId().equals(author)) return "Author";
        }
        return "Staff";
    }

    /** A reader's badges as the host site's SSO set them, else "Subscriber" for subscribers. */
    private static String readerBadge(Handle h, dev.tribune.domain.Account a) {
        String badges = h.createQuery("select badges from account where id = ?").bind(0, a.id()).mapTo(String.class).findOne().orElse("");
        String shown = String.join(" · ", java.util.Arrays.stream(badges.split(",")).map(String::strip).filter(b -> !b.isEmpty()).toList());
        if (shown.isEmpty()) return a.role() == dev.tribune.domain.Role.SUBSCRIBER ? "Subscriber" : null;
        return shown.length() > 60 ? shown.substring(0, 60) : shown;
    }

    static void checkFields(String name, String email, String body) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty()) errors.put("name", "Please give a display name.");
        else if (name.length() > Limits.MAX_NAME_CHARS) errors.put("name", "Your name can be at most " + Limits.MAX_NAME_CHARS + " characters long.");
        else if (CONTROL.matcher(name).find()) errors.put("name", "Your name contains control characters; please type it again.");
        if (!email.isEmpty() && (email.length() > Limits.MAX_EMAIL_CHARS || !EMAIL.matcher(email).matches()
                || CONTROL.matcher(email).find())) {
            errors.put("email", "That email address does not look right (it is optional: leave it empty if you like).");
        }
        checkBody(body, errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors);
    }

    private static void checkBody(String body, Map<String, String> errors) {
        if (body.isEmpty()) errors.put("body", "Your comment is empty.");
        else if (body.length() > Limits.MAX_BODY_CHARS) {
            errors.put("body", "Your comment is " + String.format("%,d", body.length()) + " characters long; the limit is "
                    + String.format("%,d", Limits.MAX_BODY_CHARS) + " characters.");
        } else if (CONTROL_IN_TEXT.matcher(body).find()) {
            errors.put("body", "Your comment contains control characters (such as NUL) that cannot be stored; please remove them.");
        }
    }

    static Optional<Comment> load(Handle h, long id) {
        return Jdbc.first(h, "select " + CommentRows.COLUMNS + " from comment c where c.id = ?", rs -> CommentRows.COMMENT.map(rs, null), id);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

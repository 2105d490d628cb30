package dev.tribune.discussion;

import dev.tribune.domain.Comment;
import dev.tribune.domain.CommentStatus;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a thread a page at a time: one keyset query for the top-level comments in the chosen
 * order and all their descendants, never OFFSET.
 */
public final class ThreadReader {
    /**
     * Top-level comments a reader can see: published ones, the viewer's own held ones, and
     * tombstones (deleted, hidden or held by others) over a published reply.
     */
    private static final String VISIBLE_ROOT = "c.discussion_id = :d and c.parent_id is null and (c.status = 'published' "
            + "or exists (select 1 from comment r where r.root_id = c.id and r.id <> c.id and r.status = 'published') "
            + "or (c.status = 'pending' and c.guest_key = :me) or (c.status = 'pending' and c.account_id = :myAccount))";

    private final Database db;

    public ThreadReader(Database db) {
        this.db = db;
    }

    /**
     * A page of the thread. viewerKey/viewerAccount (may be null) let a writer see their own held
     * comments; limit 0 means the whole thread. Two statements whatever the thread's size: the
     * discussion, then one query for the page's top-level comments and all their replies.
     */
    public ThreadPage page(long discussionId, Sort sort, String cursor, int limit, String viewerKey, Long viewerAccount) {
        if (limit < 0 || limit > Limits.MAX_PAGE_SIZE) {
            throw Refusal.invalid("limit", "limit must be between 1 and " + Limits.MAX_PAGE_SIZE + " (or 'all').");
        }
        Cursor after = Cursor.parse(sort, cursor);
        return db.read(h -> {
            Discussion d = Discussions.find(h, discussionId)
                    .orElseThrow(() -> Refusal.notFound("There is no discussion " + discussionId + "."));
            List<Comment> rows = h.createQuery(pageQuery(sort, after, limit))
                    .bind("d", discussionId).bind("me", viewerKey).bind("myAccount", viewerAccount)
                    .bind("cid", after.id()).bind("cscore", after.score()).bind("n", limit + 1).bind("shown", limit)
                    .map(CommentRows.COMMENT).list();
            List<Comment> roots = new ArrayList<>();
            List<Comment> descendants = new ArrayList<>();
            for (Comment c : rows) (c.isTopLevel() ? roots : descendants).add(c);
            roots.sort(order(sort));
            descendants.sort(Comparator.comparing(Comment::path));
            String next = null;
            if (limit > 0 && roots.size() > limit) {
                roots = roots.subList(0, limit);
                next = Cursor.of(sort, roots.get(limit - 1));
            }
            List<CommentNode> nodes = ThreadAssembler.assemble(roots, descendants,
                    c -> (viewerKey != null && viewerKey.equals(c.guestKey()))
                            || (viewerAccount != null && viewerAccount.equals(c.accountId())));
            return new ThreadPage(d, sort, nodes, cursor, next);
        });
    }

    /**
     * The top-level comments of the page (one more than shown, to know whether a next page exists)
     * and the replies of those shown, in no particular order (sorted here, not by the database). The top-level comments are read in
     * the index's order ({@code comment_top_level} for time, {@code comment_best} for best; the
     * leading parent_id, null on every row, lets PostgreSQL see that), so the database stops after
     * the page instead of sorting every top-level comment of the thread.
     */
    private static String pageQuery(Sort sort, Cursor after, int limit) {
        // The whole thread: every comment of the discussion in one index range. The assembler
        // drops what the viewer may not see, just as VISIBLE_ROOT would have (a comment stands
        // when it is shown or has a reply that stands).
        if (limit == 0 && after.id() == null) return "select " + CommentRows.COLUMNS + " from comment c where c.discussion_id = :d";
        String roots = "select c.id, c.score from comment c where " + VISIBLE_ROOT + after.condition()
                + " order by " + indexOrder(sort) + (limit == 0 ? "" : " limit :n");
        String shown = limit == 0 ? "select id from roots"
                : "select id from (select id, score from roots order by " + rootsOrder(sort) + " limit :shown) s";
        return "with roots as (" + roots + ") "
                + "select " + CommentRows.COLUMNS + " from comment c where c.id in (select id from roots) "
                + "union all "
                + "select " + CommentRows.COLUMNS + " from comment c where c.root_id in (" + shown + ") and c.parent_id is not null";
    }

    /** Where a comment lives, for permalinks: its discussion and the cursor of a page that starts at its top-level comment (pending ones included: callers show those only to their writer). */
    public record Location(Comment comment, Discussion discussion, String cursor) {}

    public Optional<Location> locate(long commentId) {
        return db.read(h -> CommentWriter.load(h, commentId).flatMap(c -> {
            if (c.status() == CommentStatus.REJECTED) return Optional.empty();
            Discussion d = Discussions.find(h, c.discussionId()).orElseThrow();
            // The oldest-first page starting right at the top-level comment holds the whole subtree.
            String cursor = c.rootId() > 1 ? Long.toString(c.rootId() - 1) : null;
            boolean onFirstPage = h.createQuery("select count(*) from comment c where " + VISIBLE_ROOT + " and c.id < :root")
                    .bind("d", d.id()).bind("me", (String) null).bind("myAccount", (Long) null).bind("root", c.rootId())
                    .mapTo(Integer.class).one() < Limits.PAGE_SIZE;
            return Optional.of(new Location(c, d, onFirstPage ? null : cursor));
        }));
    }

    public Optional<Comment> comment(long id) {
        return db.read(h -> CommentWriter.load(h, id));
    }

    /**
     * The comments of a discussion that a viewer wrote and still has (published or held), oldest
     * first: what their browser may offer to edit or delete. Both keys null means nobody: no rows.
     */
    public List<Comment> writtenBy(long discussionId, String viewerKey, Long viewerAccount) {
        if (viewerKey == null && viewerAccount == null) return List.of();
        return db.read(h -> h.createQuery("select " + CommentRows.COLUMNS + " from comment c where c.discussion_id = :d "
                        + "and c.status in ('published', 'pending') and (c.guest_key = :me or c.account_id = :myAccount) order by c.id")
                .bind("d", discussionId).bind("me", viewerKey).bind("myAccount", viewerAccount)
                .map(CommentRows.COMMENT).list());
    }

    private static String indexOrder(Sort sort) {
        return switch (sort) {
            case OLDEST -> "c.parent_id, c.id";
            case NEWEST -> "c.parent_id desc, c.id desc";
            case BEST -> "c.parent_id desc, c.score desc, c.id desc";
        };
    }

    private static String rootsOrder(Sort sort) {
        return switch (sort) {
            case OLDEST -> "id";
            case NEWEST -> "id desc";
            case BEST -> "score desc, id desc";
        };
    }

    private static Comparator<Comment> order(Sort sort) {
        Comparator<Comment> byId = Comparator.comparingLong(Comment::id);
        return switch (sort) {
            case OLDEST -> byId;
            case NEWEST -> byId.reversed();
            case BEST -> Comparator.comparingInt(Comment::score).thenComparing(byId).reversed();
        };
    }

    /** A keyset position: after (id) for time orders, after (score, id) for best. */
    private record Cursor(Sort sort, Long id, Integer score) {
        static Cursor parse(Sort sort, String s) {
            if (s == null || s.isBlank()) return new Cursor(sort, null, null);
            try {
                if (sort == Sort.BEST) {
                    String[] p = s.split("_", 2);
                    return new Cursor(sort, Long.parseLong(p[1]), Integer.parseInt(p[0]));
                }
                return new Cursor(sort, Long.parseLong(s), null);
            } catch (RuntimeException e) {
                throw Refusal.invalid("cursor", "That page cursor is not valid for sort '" + sort.param() + "'; start from the first page.");
            }
        }

        static String of(Sort sort, Comment last) {
            return sort == Sort.BEST ? last.score() + "_" + last.id() : Long.toString(last.id());
        }

        String condition() {
            if (id == null) return "";
            return switch (sort) {
                case OLDEST -> " and c.id > :cid";
                case NEWEST -> " and c.id < :cid";
                case BEST -> " and (c.score < :cscore or (c.score = :cscore and c.id < :cid))";
            };
        }
    }
}

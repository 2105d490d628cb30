package dev.tribune.moderation;

import dev.tribune.discussion.CommentRows;
import dev.tribune.domain.Comment;
import dev.tribune.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the moderators' queue of a site: the tabs' counts, a page of a tab, and what arrived since a page was shown. */
public final class ModerationQueue {
    public static final int PAGE_SIZE = 50;
    private static final String FROM = " from comment c join discussion d on d.id = c.discussion_id "
            + "left join article a on a.id = d.article_id where d.site_id = :site and ";

    /** A page of one tab; next is the id cursor of the following page (null on the last); marker is the newest arrival shown. */
    public record Page(QueueTab tab, List<QueueItem> items, Long next, long marker) {}

    private record Row(Comment comment, String email, String ipHash, String title, String slug) {}

    private final Database db;
    private final Policies policies;

    public ModerationQueue(Database db, Policies policies) {
        this.db = db;
        this.policies = policies;
    }

    public Map<QueueTab, Integer> counts(long siteId) {
        long since = approvedSince();
        return db.read(h -> {
            Map<QueueTab, Integer> out = new EnumMap<>(QueueTab.class);
            for (QueueTab t : QueueTab.values()) out.put(t, bind(h.createQuery("select count(*)" + FROM + t.condition), t, siteId, since)
                    .mapTo(Integer.class).one());
            return out;
        });
    }

    /** How many items arrived in the tab after the marker a page was shown with. */
    public int arrivedSince(long siteId, QueueTab tab, long marker) {
        return db.read(h -> bind(h.createQuery("select count(*)" + FROM + tab.condition + " and " + tab.arrival + " > :marker"),
                tab, siteId, approvedSince()).bind("marker", marker).mapTo(Integer.class).one());
    }

    /** A page of the tab, after the cursor (an id) of a previous page. */
    public Page page(long siteId, QueueTab tab, Long after, int limit) {
        Policy policy = policies.forSite(siteId);
        long since = approvedSince();
        return db.read(h -> {
            String cursor = after == null ? "" : tab.oldestFirst ? " and c.id > :after" : " and c.id < :after";
            Query q = bind(h.createQuery("select " + CommentRows.COLUMNS + ", c.author_email, c.ip_hash, d.title as d_title, "
                    + "a.slug as a_slug" + FROM + tab.condition + cursor + " order by c.id " + (tab.oldestFirst ? "asc" : "desc")
                    + " limit :n"), tab, siteId, since).bind("n", limit + 1);
            if (after != null) q.bind("after", after);
            List<Row> rows = q.map((rs, ctx) -> new Row(CommentRows.COMMENT.map(rs, ctx), rs.getString("author_email"),
                    rs.getString("ip_hash"), rs.getString("d_title"), rs.getString("a_slug"))).list();
            Long next = null;
            if (rows.size() > limit) {
                rows = rows.subList(0, limit);
                next = rows.get(limit - 1).comment().id();
            }
            long marker = bind(h.createQuery("select coalesce(max(" + tab.arrival + "), 0)" + FROM + tab.condition), tab, siteId, since)
                    .mapTo(Long.class).one();
            return new Page(tab, items(h, siteId, rows, policy), next, marker);
        });
    }

    private List<QueueItem> items(Handle h, long siteId, List<Row> rows, Policy policy) {
        List<Long> ids = rows.stream().map(r -> r.comment().id()).toList();
        Map<Long, List<Decisions.Decision>> decisions = Decisions.forComments(h, ids);
        Map<Long, Map<String, Integer>> reports = reports(h, ids);
        List<Long> parentIds = rows.stream().map(r -> r.comment().parentId()).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Comment> parents = new LinkedHashMap<>();
        if (!parentIds.isEmpty()) {
            h.createQuery("select " + CommentRows.COLUMNS + " from comment c where c.id in (<ids>)").bindList("ids", parentIds)
                    .map(CommentRows.COMMENT).forEach(p -> parents.put(p.id(), p));
        }
        List<QueueItem> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Comment c = r.comment();
            List<Decisions.Decision> ds = decisions.getOrDefault(c.id(), List.of());
            int[] history = history(h, siteId, c, r.ipHash());
            List<String> phrases = new ArrayList<>(Highlights.wordHits(policy, c.bodyMd()));
            ds.forEach(d -> phrases.addAll(Decisions.reasons(d)));
            List<Identity.Kind> kinds = new ArrayList<>();
            if (c.accountId() != null) kinds.add(Identity.Kind.ACCOUNT);
            if (r.email() != null && !r.email().isBlank()) kinds.add(Identity.Kind.EMAIL);
            if (c.guestKey() != null) kinds.add(Identity.Kind.GUEST);
            if (r.ipHash() != null) kinds.add(Identity.Kind.IP);
            out.add(new QueueItem(c, r.title(), r.slug(), c.parentId() == null ? null : parents.get(c.parentId()), history[0], history[1],
                    ds, reports.getOrDefault(c.id(), Map.of()), Highlights.mark(c.bodyMd(), phrases.stream().distinct().toList()),
                    kinds, suggest(ds)));
        }
        return out;
    }

    /** The writer's comments on the site and how many were rejected: by account, else browser, else address. */
    private static int[] history(Handle h, long siteId, Comment c, String ipHash) {
        String who = c.accountId() != null ? "c.account_id = :account" : c.guestKey() != null ? "c.guest_key = :guest"
                : "c.ip_hash = :ip and c.account_id is null and c.guest_key is null";
        Query q = h.createQuery("select count(*), coalesce(sum(case when c.status = 'rejected' then 1 else 0 end), 0)"
                + " from comment c join discussion d on d.id = c.discussion_id where d.site_id = :site and " + who).bind("site", siteId);
        if (c.accountId() != null) q.bind("account", c.accountId());
        else if (c.guestKey() != null) q.bind("guest", c.guestKey());
        else q.bind("ip", ipHash);
        return q.map((rs, ctx) -> new int[] {rs.getInt(1), rs.getInt(2)}).one();
    }

    private record ReportCount(long commentId, String reason, int count) {}

    /** Each comment's reader reports by reason, most frequent first. */
    private static Map<Long, Map<String, Integer>> reports(Handle h, List<Long> ids) {
        Map<Long, Map<String, Integer>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        h.createQuery("select comment_id, reason, count(*) from flag where comment_id in (<ids>) group by comment_id, reason order by count(*) desc")
                .bindList("ids", ids)
                .map((rs, ctx) -> new ReportCount(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .forEach(r -> out.computeIfAbsent(r.commentId(), k -> new LinkedHashMap<>()).put(r.reason(), r.count()));
        return out;
    }

    /** The reject reason a moderator most likely wants, from what held the comment. */
    private static ReportReason suggest(List<Decisions.Decision> ds) {
        for (Decisions.Decision d : ds) {
            if (d.phase().equals(Spam.NAME) || d.phase().equals(RepeatedPost.NAME) || d.phase().equals(Links.NAME)) return ReportReason.SPAM;
            if (d.phase().equals(Words.NAME) || d.phase().equals(Toxicity.NAME)) return ReportReason.OFFENSIVE;
        }
        return ReportReason.OTHER;
    }

    private static Query bind(Query q, QueueTab tab, long siteId, long approvedSince) {
        q.bind("site", siteId);
        if (tab.usesApprovedSince()) q.bind("approvedSince", approvedSince);
        return q;
    }

    private static long approvedSince() {
        return System.currentTimeMillis() - QueueTab.RECENT.toMillis();
    }
}

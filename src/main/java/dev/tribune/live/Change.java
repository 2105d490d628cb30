package dev.tribune.live;

import java.util.Optional;

/**
 * What changed on some node, as every node needs to hear it to drop what it remembers: a
 * discussion (new events, count, version), the article above a discussion, the list of sites, or
 * a site's moderation policy. {@link #MISSED} stands for "changes may have gone unheard".
 * On PostgreSQL a change travels as the text of a NOTIFY ({@link #payload()}).
 */
public record Change(What what, long id) {
    public enum What { DISCUSSION, ARTICLE, SITES, POLICY, MISSED }

    /** Heard when a node (re)starts listening: whatever changed meanwhile was not announced to it. */
    public static final Change MISSED = new Change(What.MISSED, 0);
    public static final Change SITES = new Change(What.SITES, 0);

    public static Change discussion(long discussionId) { return new Change(What.DISCUSSION, discussionId); }

    public static Change article(long discussionId) { return new Change(What.ARTICLE, discussionId); }

    public static Change policy(long siteId) { return new Change(What.POLICY, siteId); }

    /** The discussion whose live readers should look for new events, if any. */
    public Optional<Long> discussionId() {
        return what == What.DISCUSSION || what == What.ARTICLE ? Optional.of(id) : Optional.empty();
    }

    /** The NOTIFY text: a bare discussion id (as before there were other kinds), else "kind:id". */
    public String payload() {
        return switch (what) {
            case DISCUSSION -> Long.toString(id);
            case ARTICLE -> "article:" + id;
            case POLICY -> "policy:" + id;
            case SITES -> "sites";
            case MISSED -> "missed";
        };
    }

    /** The change a NOTIFY text stands for; empty for text Tribune does not send. */
    public static Optional<Change> parse(String payload) {
        if (payload == null) return Optional.empty();
        if (payload.equals("sites")) return Optional.of(SITES);
        int colon = payload.indexOf(':');
        try {
            if (colon < 0) return Optional.of(discussion(Long.parseLong(payload)));
            long id = Long.parseLong(payload.substring(colon + 1));
            return switch (payload.substring(0, colon)) {
                case "article" -> Optional.of(article(id));
                case "policy" -> Optional.of(policy(id));
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

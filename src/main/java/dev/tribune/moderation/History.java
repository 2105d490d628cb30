package dev.tribune.moderation;

import dev.tribune.domain.Commenter;

import java.time.Instant;
import java.util.Optional;

/** What the pipeline needs to know about a writer's past on a site: recent posts, repeats, sanctions. */
public interface History {
    /** Comments this writer (account, browser, else address) posted on the site since then. */
    int postedSince(long siteId, Commenter who, Instant since);

    /** Comments from this hashed address on the site since then, whoever wrote them. */
    int postedFromAddressSince(long siteId, String ipHash, Instant since);

    Optional<Instant> lastPosted(long siteId, Commenter who);

    /** Whether this writer posted exactly this text on the site since then. */
    boolean postedSameText(long siteId, Commenter who, String body, Instant since);

    /** How many other writers posted exactly this text on the site since then. */
    int othersPostedSameText(long siteId, Commenter who, String body, Instant since);

    /** This writer's published comments on the site. */
    int published(long siteId, Commenter who);

    /** The strongest active sanction on any identity of this writer (ban or suspension first, then premoderation). */
    Optional<Sanction> sanction(long siteId, Commenter who, String email);

    /** A writer with no past and no sanctions. */
    History NONE = new History() {
        public int postedSince(long siteId, Commenter who, Instant since) { return 0; }
        public int postedFromAddressSince(long siteId, String ipHash, Instant since) { return 0; }
        public Optional<Instant> lastPosted(long siteId, Commenter who) { return Optional.empty(); }
        public boolean postedSameText(long siteId, Commenter who, String body, Instant since) { return false; }
        public int othersPostedSameText(long siteId, Commenter who, String body, Instant since) { return 0; }
        public int published(long siteId, Commenter who) { return Integer.MAX_VALUE; }
        public Optional<Sanction> sanction(long siteId, Commenter who, String email) { return Optional.empty(); }
    };
}

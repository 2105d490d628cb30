package dev.tribune.moderation;

import java.time.Duration;
import java.time.Instant;

/**
 * Refuses a writer who posts too often (per minute, per hour, or again within the flood
 * interval), and an address from which too many comments come, whoever writes them.
 */
final class RateLimit implements Phase {
    static final String NAME = "rate-limit";
    private final History history;

    RateLimit(History history) { this.history = history; }

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        if (s.edit()) return Verdict.PASS;
        Policy p = s.policy();
        Instant now = Instant.now();
        var last = history.lastPosted(s.siteId(), s.commenter());
        if (last.isPresent() && last.get().isAfter(now.minusSeconds(p.floodSeconds()))) {
            long wait = Duration.between(now, last.get().plusSeconds(p.floodSeconds())).toSeconds() + 1;
            return Verdict.reject(NAME, "You are posting very quickly. Please wait " + wait + " seconds before your next comment.");
        }
        if (history.postedSince(s.siteId(), s.commenter(), now.minusSeconds(60)) >= p.maxPerMinute()
                || history.postedSince(s.siteId(), s.commenter(), now.minus(Duration.ofHours(1))) >= p.maxPerHour()) {
            return Verdict.reject(NAME, "You have posted many comments in a short time. Please wait a while before posting again.");
        }
        if (s.commenter().ipHash() != null
                && history.postedFromAddressSince(s.siteId(), s.commenter().ipHash(), now.minus(Duration.ofHours(1))) >= p.maxPerHourPerIp()) {
            return Verdict.reject(NAME, "Many comments have come from your network in the last hour. Please try again later.");
        }
        return Verdict.PASS;
    }
}

package dev.tribune.moderation;

import dev.tribune.domain.Comment;

import java.util.List;
import java.util.Map;

/**
 * One comment in the moderators' queue with what a moderator needs to decide at a glance: where
 * it was posted, the comment it answers, the writer's record on the site, why it is here (the
 * decisions with their scores and the readers' report reasons) and its text with the words that
 * drove the decision marked.
 *
 * @param writerComments every comment the writer has on the site, this one included
 * @param writerRejected how many of those were rejected
 * @param identities the kinds of identity the writer can be sanctioned by (account, email, guest, ip)
 * @param suggestedReason the reject reason preselected for this item (spam for spam, offensive for language)
 */
public record QueueItem(Comment comment, String discussionTitle, String articleSlug, Comment parent, int writerComments,
                        int writerRejected, List<Decisions.Decision> decisions, Map<String, Integer> reports,
                        List<Highlights.Segment> text, List<Identity.Kind> identities, ReportReason suggestedReason) {

    /** The share of the writer's comments that were rejected, in whole percent. */
    public int rejectedPercent() {
        return writerComments == 0 ? 0 : Math.round(100f * writerRejected / writerComments);
    }

    /** The highest toxicity and spam scores any decision recorded, null when none was scored. */
    public Double toxicity() {
        return decisions.stream().map(Decisions.Decision::toxicity).filter(java.util.Objects::nonNull).max(Double::compare).orElse(null);
    }

    public Double spam() {
        return decisions.stream().map(Decisions.Decision::spam).filter(java.util.Objects::nonNull).max(Double::compare).orElse(null);
    }

    /** The decisions worth showing: holds, rejects, reports and staff actions (not the pipeline's plain passes). */
    public List<Decisions.Decision> reasons() {
        return decisions.stream().filter(d -> !d.outcome().equals("pass")).toList();
    }
}

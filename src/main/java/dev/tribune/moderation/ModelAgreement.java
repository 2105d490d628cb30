package dev.tribune.moderation;

import java.time.Instant;
import java.util.List;

/**
 * How often the running toxicity model agreed with the moderators over their latest decisions:
 * each decided text is scored again with the running model and its verdict at its own threshold
 * (reject at or above, approve below) is set against the moderator's approve or reject.
 *
 * <p>Re-scored rather than read from the scores stored at posting time: those came from whichever
 * model ran then (the shipped one, an older newsroom model), so they would not say how the model
 * running now does; and the moderator decided on the text as it stood then, which is what the
 * labels keep. Decisions older than a newsroom model are ones it may have learned from, so the
 * figure also says how many came after it was trained.
 *
 * @param decisions       decisions compared
 * @param agreed          the model's verdict matched the moderator's
 * @param modelWouldReject the model would have rejected what a moderator approved
 * @param modelWouldPass  the model would have let through what a moderator rejected
 * @param sinceTraining   decisions made after the running model was trained (all, for the shipped model)
 */
public record ModelAgreement(int decisions, int agreed, int modelWouldReject, int modelWouldPass, int sinceTraining,
                             double threshold) {

    public static ModelAgreement measure(TextClassifier model, Instant trainedAt, List<ModeratorLabels.Label> labels) {
        int agreed = 0, wouldReject = 0, wouldPass = 0, since = 0;
        for (ModeratorLabels.Label l : labels) {
            boolean modelRejects = model.probability(l.text() == null ? "" : l.text()) >= model.threshold();
            boolean moderatorRejected = l.label() == 1;
            if (modelRejects == moderatorRejected) agreed++;
            else if (modelRejects) wouldReject++;
            else wouldPass++;
            if (trainedAt == null || l.at().isAfter(trainedAt)) since++;
        }
        return new ModelAgreement(labels.size(), agreed, wouldReject, wouldPass, since, model.threshold());
    }

    /** Agreement in percent, one decimal; 0 when there is nothing to compare. */
    public double percent() {
        return decisions == 0 ? 0 : Math.round(1000.0 * agreed / decisions) / 10.0;
    }
}

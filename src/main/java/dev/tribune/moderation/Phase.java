package dev.tribune.moderation;

/** One step of the moderation pipeline: passes, holds or rejects a submission with a reason. */
public interface Phase {
    String name();

    Verdict check(Submission s);
}

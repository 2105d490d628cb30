package dev.tribune.moderation;

import java.util.List;

/**
 * The ordered phases every new or edited comment passes. The first reject wins at once;
 * otherwise the first hold is kept, so a comment is held with the earliest reason.
 */
public final class Pipeline {
    private final List<Phase> phases;

    public Pipeline(List<Phase> phases) {
        this.phases = List.copyOf(phases);
    }

    /** The pipeline of the foundation: hold everything on premoderated discussions. */
    public static Pipeline standard() {
        return new Pipeline(List.of(new Premoderation()));
    }

    public Verdict judge(Submission s) {
        Verdict held = null;
        for (Phase p : phases) {
            Verdict v = p.check(s);
            if (v.outcome() == Verdict.Outcome.REJECT) return v;
            if (v.outcome() == Verdict.Outcome.HOLD && held == null) held = v;
        }
        return held != null ? held : Verdict.PASS;
    }
}

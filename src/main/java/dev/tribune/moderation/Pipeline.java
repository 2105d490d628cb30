package dev.tribune.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The ordered phases every new or edited comment passes. A reject wins at once; otherwise a
 * nudge beats a hold, and among holds the earliest reason is kept. Every finding is returned
 * so it can be stored with the comment.
 */
public final class Pipeline {
    private final List<Phase> phases;
    private final Function<History, List<Phase>> phasesOver;
    private final LongFunction<Policy> policies;
    private final Scorer scorer;
    private final Function<History, List<Phase>> rechecked;

    public Pipeline(List<Phase> phases, LongFunction<Policy> policies, Scorer scorer) {
        this(history -> List.copyOf(phases), null, policies, scorer, history -> List.of());
    }

    /**
     * phasesOver makes the phases over a history (the default one, or one a caller passes to
     * {@link #judge(Submission, History)}); rechecked makes the phases {@link #recheck} runs again.
     */
    private Pipeline(Function<History, List<Phase>> phasesOver, History history, LongFunction<Policy> policies, Scorer scorer,
                     Function<History, List<Phase>> rechecked) {
        this.phasesOver = phasesOver;
        this.phases = phasesOver.apply(history);
        this.policies = policies;
        this.scorer = scorer;
        this.rechecked = rechecked;
    }

    public Pipeline(List<Phase> phases) {
        this(phases, site -> Policy.BALANCED, Scorer.NONE);
    }

    /** Holds on premoderated discussions only: for tools that run without a database history. */
    public static Pipeline standard() {
        return new Pipeline(List.of(new Premoderation(History.NONE)));
    }

    /** Every phase, in order: who is writing, where, how often, what it says, then premoderation. */
    public static Pipeline full(History history, Policies policies, Scorer scorer) {
        // Phases that read no history are made once: Words keeps each site's built word filter.
        Phase closed = new ClosedDiscussion(), length = new Length(), links = new Links(), words = new Words(),
                toxicity = new Toxicity(), spam = new Spam();
        return new Pipeline(over -> List.of(
                new Standing(over),
                closed,
                length,
                new RateLimit(over),
                new RepeatedPost(over),
                links,
                words,
                toxicity,
                spam,
                new Premoderation(over)), history, policies::forSite, scorer,
                current -> List.of(new RateLimit(current), new RepeatedPost(current)));
    }

    /**
     * Runs again the rules about a writer's own recent comments (rate limit, flood, the same text
     * twice) over the history as the storing transaction sees it. {@link #judge} reads what was
     * committed when the comment arrived; a node judges one writer's posts one at a time, but
     * another node may have stored one of theirs meanwhile. The storing transactions of one
     * writer run one after the other (a lock per writer) and each sees those stored before it,
     * so this check refuses the posts past the limit. Only refusals count here: holds were
     * decided by {@link #judge}. Returns the refusal, if any.
     */
    public Optional<Verdict> recheck(Submission in, History current) {
        List<Phase> again = rechecked.apply(current);
        if (again.isEmpty()) return Optional.empty();
        Submission s = in.policy() != null ? in : in.with(policies.apply(in.siteId()), in.scores());
        for (Phase p : again) {
            Verdict v = p.check(s);
            if (v.outcome() == Verdict.Outcome.REJECT) return Optional.of(v);
        }
        return Optional.empty();
    }

    public Judgement judge(Submission in) {
        return judge(prepare(in), phases);
    }

    /**
     * Judges over the given history, such as one read on a single connection
     * ({@link CommentHistory#on}) instead of one query at a time through the readers.
     */
    public Judgement judge(Submission in, History history) {
        return judge(prepare(in), phasesOver.apply(history));
    }

    /** The submission with its site's policy and its classifier scores, as the phases read them. */
    public Submission prepare(Submission in) {
        return in.policy() != null && in.scores() != null ? in
                : in.with(in.policy() != null ? in.policy() : policies.apply(in.siteId()),
                          in.scores() != null ? in.scores() : scorer.score(in.body()));
    }

    private static Judgement judge(Submission s, List<Phase> phases) {
        List<Verdict> findings = new ArrayList<>();
        Verdict strongest = Verdict.PASS;
        for (Phase p : phases) {
            Verdict v = p.check(s);
            if (v.passes()) continue;
            findings.add(v);
            if (v.outcome().compareTo(strongest.outcome()) > 0) strongest = v;
            if (v.outcome() == Verdict.Outcome.REJECT) break;
        }
        return new Judgement(strongest, List.copyOf(findings), s.scores());
    }
}

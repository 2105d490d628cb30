package dev.tribune.moderation;

/** Holds every reader comment on a discussion that staff set to premoderate; staff are not held. */
final class Premoderation implements Phase {
    @Override
    public String name() { return "premoderation"; }

    @Override
    public Verdict check(Submission s) {
        if (s.discussion().premoderated() && s.commenter().account() == null) {
            return Verdict.hold(name(), "This discussion is premoderated: every comment is reviewed before it appears.");
        }
        return Verdict.PASS;
    }
}

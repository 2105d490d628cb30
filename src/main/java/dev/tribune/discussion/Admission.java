package dev.tribune.discussion;

import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;

/** Whether a commenter may post in a discussion at all (a site may require an account or a subscription). */
@FunctionalInterface
public interface Admission {
    Admission ANYONE = (d, who) -> { };

    /** Throws a Refusal when this commenter may not post here. */
    void admit(Discussion d, Commenter who);
}

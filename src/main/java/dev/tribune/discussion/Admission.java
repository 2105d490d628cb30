package dev.tribune.discussion;

import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;
import org.jdbi.v3.core.Handle;

/** Whether a commenter may post in a discussion at all (a site may require an account or a subscription). */
@FunctionalInterface
public interface Admission {
    Admission ANYONE = (d, who) -> { };

    /** Throws a Refusal when this commenter may not post here. */
    void admit(Discussion d, Commenter who);

    /** The same, reading what it needs on a handle the caller holds already (a post's first read). */
    default void admit(Handle h, Discussion d, Commenter who) {
        admit(d, who);
    }
}

package dev.tribune.domain;

import java.util.List;

/**
 * A person who signed in to read and comment on one site (an account with role reader or
 * subscriber), with the public profile shown beside their comments.
 */
public record Reader(long id, long siteId, String email, String displayName, Role role, String handle, String avatarUrl,
                     String bio, List<String> badges, boolean emailVerified) {

    public boolean isSubscriber() { return role == Role.SUBSCRIBER; }

    /** The reader's page: /readers/{handle}, or /readers/{id} until they choose a handle. */
    public String pagePath() { return "/readers/" + (handle != null ? handle : Long.toString(id)); }

    /** The same person as an {@link Account}, the shape comments and votes are written under. */
    public Account account() { return new Account(id, siteId, email, displayName, role, null); }
}

package dev.tribune.domain;

/** A staff account of one site; authorId links a journalist to their byline. */
public record Account(long id, long siteId, String email, String displayName, Role role, Long authorId) {}

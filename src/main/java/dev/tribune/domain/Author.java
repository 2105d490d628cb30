package dev.tribune.domain;

/** A byline: a journalist of a site. */
public record Author(long id, long siteId, String slug, String name, String bio, String avatarUrl) {}

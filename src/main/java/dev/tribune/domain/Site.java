package dev.tribune.domain;

/** One newsroom, or one embedding domain, served by this Tribune. */
public record Site(long id, String host, String name, String tagline) {}

package dev.tribune.domain;

/** Where a comment stands; only PUBLISHED is shown to readers (DELETED with replies as a tombstone). */
public enum CommentStatus {
    PENDING, PUBLISHED, REJECTED, DELETED;

    public String db() { return name().toLowerCase(); }

    public static CommentStatus fromDb(String s) { return valueOf(s.toUpperCase()); }
}

package dev.tribune.discussion;

import dev.tribune.domain.Refusal;

/** The orders a reader can read top-level comments in; replies always read oldest first. */
public enum Sort {
    OLDEST, NEWEST, BEST;

    public String param() { return name().toLowerCase(); }

    public static Sort parse(String s) {
        if (s == null || s.isBlank()) return OLDEST;
        for (Sort v : values()) if (v.param().equals(s.strip().toLowerCase())) return v;
        throw Refusal.invalid("sort", "sort must be oldest, newest or best, got '" + s + "'.");
    }
}

package dev.tribune.discussion;

import java.time.Duration;

/** The named limits of the discussion. */
public final class Limits {
    public static final int MAX_BODY_CHARS = 10_000;
    public static final int MAX_NAME_CHARS = 80;
    public static final int MAX_EMAIL_CHARS = 254;
    /** Replies deeper than this stand under their ancestor with "in reply to NAME". */
    public static final int MAX_INDENT_DEPTH = 5;
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);
    public static final int PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    private Limits() {}
}

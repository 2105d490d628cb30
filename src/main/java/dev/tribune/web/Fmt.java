package dev.tribune.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting used by templates: machine times for &lt;time datetime&gt; and readable fallbacks the script refines. */
public final class Fmt {
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Fmt() {}

    public static String iso(Instant t) { return t == null ? "" : t.toString(); }

    public static String exact(Instant t) { return t == null ? "" : EXACT.format(t); }

    public static String date(Instant t) { return t == null ? "" : DATE.format(t); }

    /** "5 minutes ago" as of rendering; the page script keeps it current in the reader's locale. */
    public static String relative(Instant t) {
        if (t == null) return "";
        long s = Math.max(0, Duration.between(t, Instant.now()).getSeconds());
        if (s < 60) return "just now";
        if (s < 3600) return plural(s / 60, "minute") + " ago";
        if (s < 86400) return plural(s / 3600, "hour") + " ago";
        if (s < 86400L * 30) return plural(s / 86400, "day") + " ago";
        return date(t);
    }

    public static String plural(long n, String word) {
        return n + " " + (n == 1 ? word : word + "s");
    }

    /** A classifier score with two decimals, or a dash when there is none. */
    public static String score(Double s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%.2f", s);
    }

    public static String comments(int n) {
        return n == 0 ? "No comments" : plural(n, "comment");
    }
}

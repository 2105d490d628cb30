package dev.tribune.moderation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Holds comments carrying more links than the site allows. */
final class Links implements Phase {
    static final String NAME = "links";
    /** Web addresses with a scheme or a leading www., and bare domains of common endings. */
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>()\\]]+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|info|biz|io|co|ru|xyz|top|ly)(?:/[^\\s]*)?\\b");

    @Override
    public String name() { return NAME; }

    /** How many links a text carries. */
    static int count(String text) {
        Matcher m = LINK.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Override
    public Verdict check(Submission s) {
        int n = count(s.body());
        if (n > s.policy().maxLinks()) {
            return Verdict.hold(NAME, "The comment has " + n + " links; comments with more than " + s.policy().maxLinks()
                    + " are reviewed first.");
        }
        return Verdict.PASS;
    }
}

package dev.tribune.moderation;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks the words of a comment that drove its moderation, for the moderators' queue: the word
 * lists' hits and the classifier's reasons, given as a list of phrases. A word is marked when,
 * after the same normalization the word filter uses, it matches a phrase, so "sh1t" is marked for
 * "shit"; phrases of several words are marked where they occur literally.
 */
public final class Highlights {
    private static final List<String> ALLOWED = WordFilter.resource("allowed.txt");

    /** A run of the comment's text, marked or not. */
    public record Segment(String text, boolean marked) {}

    private Highlights() {}

    /** The phrases that drove the word rules for this text under the site's policy (list entries such as "bitch*"). */
    public static List<String> wordHits(Policy p, String text) {
        return Words.build(p).find(text).stream().map(WordFilter.Hit::entry).toList();
    }

    /** The text cut into marked and unmarked runs; no phrases gives one unmarked run. */
    public static List<Segment> mark(String text, List<String> phrases) {
        if (text.isEmpty() || phrases.isEmpty()) return List.of(new Segment(text, false));
        boolean[] marked = new boolean[text.length()];
        WordFilter single = WordFilter.builder().add(phrases, WordFilter.Severity.HOLD).allow(ALLOWED).build();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) { i++; continue; }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) i++;
            int end = trimPunctuation(text, start, i);
            if (end > start && !single.find(text.substring(start, end)).isEmpty()) fill(marked, start, end);
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String p : phrases) {
            String phrase = p.strip().replace("*", "").toLowerCase(java.util.Locale.ROOT);
            if (!phrase.contains(" ")) continue;
            for (int at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) fill(marked, at, at + phrase.length());
        }
        List<Segment> out = new ArrayList<>();
        int from = 0;
        for (int j = 1; j <= text.length(); j++) {
            if (j == text.length() || marked[j] != marked[from]) {
                out.add(new Segment(text.substring(from, j), marked[from]));
                from = j;
            }
        }
        return out;
    }

    /** Leaves trailing sentence punctuation out of a mark ("idiot," marks "idiot"); leetspeak symbols inside stay. */
    private static int trimPunctuation(String text, int start, int end) {
        while (end > start && ".,;:?!)\"'".indexOf(text.charAt(end - 1)) >= 0 && end - 1 > start) end--;
        return end;
    }

    private static void fill(boolean[] marked, int from, int to) {
        for (int k = from; k < to && k < marked.length; k++) marked[k] = true;
    }
}

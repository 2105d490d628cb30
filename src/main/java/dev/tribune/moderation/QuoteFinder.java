package dev.tribune.moderation;

/**
 * Finds quoted passages (lines starting with '>' and text in double quotes), because a
 * commenter quoting abuse in order to criticise it is not being abusive.
 */
final class QuoteFinder {
    private static final int MAX_QUOTE_CHARS = 600;

    private QuoteFinder() {}

    /** One flag per char of {@code text}: true inside a quotation. */
    static boolean[] find(String text) {
        int n = text.length();
        boolean[] q = new boolean[n + 1];
        boolean lineStart = true;
        boolean inLineQuote = false;
        int open = -1;
        char closer = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                inLineQuote = false;
                lineStart = true;
                if (i + 1 < n && text.charAt(i + 1) == '\n') open = -1; // quotes do not span paragraphs
                continue;
            }
            if (lineStart && !Character.isWhitespace(c)) {
                lineStart = false;
                if (c == '>') inLineQuote = true;
            }
            if (inLineQuote) q[i] = true;
            if (open < 0) {
                if (c == '"' || c == '“' || c == '«' || c == '„') {
                    open = i;
                    closer = c == '“' ? '”' : c == '«' ? '»' : c == '„' ? '“' : '"';
                }
            } else if (c == closer || (c == '"' && closer != '"') || (closer == '”' && c == '“')) {
                // one or two words in quotes are scare quotes or names, still the writer's own voice
                if (i - open <= MAX_QUOTE_CHARS && words(text, open, i) >= 3) {
                    for (int k = open; k <= i; k++) q[k] = true;
                }
                open = -1;
            }
        }
        return q;
    }

    private static int words(String text, int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int k = from + 1; k < to; k++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(k));
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}

package dev.tribune.moderation;

/**
 * Reverses character substitutions inside words ("h4te", "@ss", "sh!t"), stretched letters
 * ("stuuupid") and spaced-out letters ("f u c k"), working on a normalization buffer.
 */
final class LeetDecoder {
    private LeetDecoder() {}

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isWordish(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '@' || c == '$' || c == '!' || c == '*' || c == '|';
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o'; case '1' -> 'i'; case '3' -> 'e'; case '4' -> 'a'; case '5' -> 's';
            case '7' -> 't'; case '8' -> 'b'; case '@' -> 'a'; case '$' -> 's'; case '!' -> 'i'; case '|' -> 'l';
            default -> 0;
        };
    }

    /** Rewrites substitutes in runs that mix letters with digits or symbols, in place. */
    static void decode(TextNormalizer.Buffer b) {
        char[] c = b.chars;
        int i = 0;
        while (i < b.len) {
            if (!isWordish(c[i])) { i++; continue; }
            int start = i;
            int letters = 0;
            while (i < b.len && isWordish(c[i])) { if (isLetter(c[i])) letters++; i++; }
            int end = i;
            // trailing "!" and "$" are punctuation and prices, not letters
            while (end > start && (c[end - 1] == '!' || c[end - 1] == '$' || c[end - 1] == '|')) end--;
            if (letters == 0 || letters == end - start || looksLikeNumberWithSuffix(c, start, end)) continue;
            if (c[start] == '@' && end - start > 3) continue; // @mention
            for (int k = start; k < end; k++) {
                char m = leet(c[k]);
                if (m == 0) continue;
                boolean letterBefore = k > start && isLetter(c[k - 1]);
                boolean letterAfter = k + 1 < end && (isLetter(c[k + 1]) || leet(c[k + 1]) != 0);
                if (letterBefore || letterAfter) c[k] = m;
            }
        }
    }

    /** "1st", "90s", "10am", "4k": digits followed by a short unit are numbers, not leetspeak. */
    private static boolean looksLikeNumberWithSuffix(char[] c, int start, int end) {
        int k = start;
        while (k < end && c[k] >= '0' && c[k] <= '9') k++;
        if (k == start) return false;
        for (int j = k; j < end; j++) if (!isLetter(c[j])) return false;
        return end - k <= 3;
    }

    /** Keeps at most two of the same letter in a row, so "stuuuupid" meets "stuupid" in training. */
    static TextNormalizer.Buffer collapseRepeats(TextNormalizer.Buffer b) {
        int w = 0;
        for (int r = 0; r < b.len; r++) {
            char ch = b.chars[r];
            if (w >= 2 && ch == b.chars[w - 1] && ch == b.chars[w - 2] && (isLetter(ch) || ch == '!' || ch == '?' || ch == '.')) {
                continue;
            }
            b.chars[w] = ch; b.origin[w] = b.origin[r]; b.quoted[w] = b.quoted[r]; w++;
        }
        b.len = w;
        return b;
    }

    /** Joins runs of single letters separated by one space, dot, dash, underscore or star. */
    static TextNormalizer.Buffer joinSpacedLetters(TextNormalizer.Buffer b) {
        char[] c = b.chars;
        int w = 0;
        int r = 0;
        while (r < b.len) {
            int run = singleLetterRun(c, r, b.len);
            if (run >= 3 && (run >= 4 || c[r + 1] != ' ')) {
                int stop = r + 2 * run - 1;
                for (int k = r; k < stop; k += 2) {
                    c[w] = c[k]; b.origin[w] = b.origin[k]; b.quoted[w] = b.quoted[k]; w++;
                }
                r = stop;
                continue;
            }
            c[w] = c[r]; b.origin[w] = b.origin[r]; b.quoted[w] = b.quoted[r]; w++; r++;
        }
        b.len = w;
        return b;
    }

    /** Number of letters in a run like "f u c k" starting at a word boundary at {@code r}. */
    private static int singleLetterRun(char[] c, int r, int len) {
        if (!isLetter(c[r]) || (r > 0 && (isLetter(c[r - 1]) || Character.isLetterOrDigit(c[r - 1])))) return 0;
        char sep = r + 1 < len ? c[r + 1] : 0;
        if (sep != ' ' && sep != '.' && sep != '-' && sep != '_' && sep != '*') return 0;
        int count = 1;
        int k = r;
        while (k + 2 < len && c[k + 1] == sep && isLetter(c[k + 2])
                && (k + 3 >= len || !Character.isLetterOrDigit(c[k + 3]))) {
            count++;
            k += 2;
        }
        return count;
    }
}

package dev.tribune.moderation;

import java.text.Normalizer;

/**
 * Undoes the usual tricks people use to slip abuse past filters (leetspeak, look-alike
 * letters, stretched and spaced-out letters) and marks quoted passages.
 */
public final class TextNormalizer {
    /** Base letter for every BMP character, 0 when the character has none (see {@link #baseOf}). */
    private static final char[] BMP_BASE = buildBaseTable();

    private TextNormalizer() {}

    /** Normalizes a comment; never fails, whatever the input. */
    public static NormalizedText normalize(String text) {
        boolean[] quotedOrig = QuoteFinder.find(text);
        int n = text.length();
        char[] out = new char[n + 16];
        int[] origin = new int[n + 16];
        int len = 0;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (out.length < len + 8) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
                origin = java.util.Arrays.copyOf(origin, origin.length * 2);
            }
            if (startsUrl(text, i)) {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end))) end++;
                for (char c : " httpurl ".toCharArray()) { out[len] = c; origin[len++] = i; }
                i = end;
                continue;
            }
            if (cp < 128) {
                char c = (char) cp;
                if (c >= 'A' && c <= 'Z') c = (char) (c + 32);
                else if (c == '\'' && isLetterAt(text, i - 1) && isLetterAt(text, i + 1)) { i++; continue; }
                else if (c == '\r' || c == '\t') c = ' ';
                out[len] = c; origin[len++] = i;
            } else if (cp < 0x10000) {
                char b = BMP_BASE[cp];
                if (b == 1) { // dropped: zero-width, combining mark, variation selector
                } else if (b == '\'') {
                    if (!(isLetterAt(text, i - 1) && isLetterAt(text, i + 1))) { out[len] = '\''; origin[len++] = i; }
                } else if (b != 0) {
                    out[len] = b; origin[len++] = i;
                } else {
                    out[len] = (char) cp; origin[len++] = i;
                }
            } else if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
                // skin-tone modifiers: the same emoji must mean the same thing
            } else {
                char b = cp >= 0x1D400 && cp <= 0x1D7FF ? supplementaryBase(cp) : 0;
                if (b != 0) { out[len] = b; origin[len++] = i; }
                else {
                    out[len] = text.charAt(i); origin[len++] = i; out[len] = text.charAt(i + 1); origin[len++] = i;
                    String words = EmojiWords.of(cp);
                    if (!words.isEmpty()) {
                        if (out.length < len + words.length() + 8) {
                            out = java.util.Arrays.copyOf(out, out.length * 2 + words.length());
                            origin = java.util.Arrays.copyOf(origin, out.length);
                        }
                        for (int k = 0; k < words.length(); k++) { out[len] = words.charAt(k); origin[len++] = i; }
                    }
                }
            }
            i += width;
        }
        boolean[] quoted = new boolean[Math.max(len, 1)];
        for (int k = 0; k < len; k++) quoted[k] = quotedOrig[origin[k]];
        Buffer buf = new Buffer(out, origin, quoted, len);
        LeetDecoder.decode(buf);
        buf = LeetDecoder.collapseRepeats(buf);
        buf = LeetDecoder.joinSpacedLetters(buf);
        return new NormalizedText(text, buf.chars, buf.len, buf.origin, buf.quoted);
    }

    /** Lower-cases only: what a plain bag-of-words model sees (used to measure the difference). */
    public static NormalizedText plain(String text) {
        int n = text.length();
        int[] origin = new int[n];
        for (int i = 0; i < n; i++) origin[i] = i;
        char[] chars = text.toLowerCase(java.util.Locale.ROOT).toCharArray();
        if (chars.length != n) chars = text.toCharArray(); // rare case-mapping length changes
        return new NormalizedText(text, chars, n, origin, new boolean[n + 1]);
    }

    private static boolean isLetterAt(String s, int i) {
        return i >= 0 && i < s.length() && Character.isLetter(s.charAt(i));
    }

    private static boolean startsUrl(String s, int i) {
        if (i > 0 && !Character.isWhitespace(s.charAt(i - 1)) && s.charAt(i - 1) != '(') return false;
        return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("www.", i);
    }

    /** Mutable arrays passed between normalization steps. */
    static final class Buffer {
        char[] chars; int[] origin; boolean[] quoted; int len;

        Buffer(char[] chars, int[] origin, boolean[] quoted, int len) {
            this.chars = chars; this.origin = origin; this.quoted = quoted; this.len = len;
        }
    }

    private static char supplementaryBase(int cp) {
        String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        char c = Character.toLowerCase(d.charAt(0));
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : 0;
    }

    /** Maps a BMP character to its plain base letter (0 keep as is, 1 drop). */
    static char baseOf(char c) {
        return BMP_BASE[c];
    }

    private static char[] buildBaseTable() {
        char[] t = new char[0x10000];
        for (int c = 128; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) continue;
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                    || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xAD) {
                t[c] = 1;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) { t[c] = ' '; continue; }
            if (Character.isLetterOrDigit(c)) {
                String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKD);
                char b = Character.toLowerCase(d.charAt(0));
                if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) t[c] = b;
                else if (Character.isUpperCase(c)) t[c] = Character.toLowerCase((char) c);
            }
        }
        // Cyrillic and Greek letters that look Latin: a filter reading "іdіоt" must see "idiot".
        String from = "авсеһіјкмнорѕтухьАВСЕНІЈКМНОРЅТУХаеіорсухΑΒΕΗΙΚΜΝΟΡΤΥΧαβεικνορτυχ";
        String to = "abcehijkmhopstyxbabcehijkmhopstyxaeiopcyxabehikmnoptyxabeikvoptux";
        for (int k = 0; k < from.length(); k++) t[from.charAt(k)] = to.charAt(k);
        for (char q : "‘’‛′`´".toCharArray()) t[q] = '\'';
        for (char q : "“”„‟«»″".toCharArray()) t[q] = '"';
        for (char q : "‐‑‒–—―".toCharArray()) t[q] = '-';
        t[0x2026] = '.';
        return t;
    }
}

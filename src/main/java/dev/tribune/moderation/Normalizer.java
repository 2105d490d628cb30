package dev.tribune.moderation;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a comment into the lower-case ASCII words a word list is matched against, undoing the
 * tricks writers use to slip past one: look-alike letters from other scripts, accents, leetspeak
 * ("sh1t", "$hit"), invisible characters, and letters spaced or dotted apart ("f u c k", "f.u.c.k").
 */
public final class Normalizer {
    /** Letters of other scripts that look like Latin ones (after lower-casing). */
    private static final Map<Integer, Character> CONFUSABLES = Map.ofEntries(
            // Cyrillic
            Map.entry(0x0430, 'a'), Map.entry(0x0432, 'b'), Map.entry(0x0435, 'e'), Map.entry(0x0456, 'i'),
            Map.entry(0x0458, 'j'), Map.entry(0x043A, 'k'), Map.entry(0x043C, 'm'), Map.entry(0x043D, 'h'),
            Map.entry(0x043E, 'o'), Map.entry(0x0440, 'p'), Map.entry(0x0441, 'c'), Map.entry(0x0442, 't'),
            Map.entry(0x0443, 'y'), Map.entry(0x0445, 'x'), Map.entry(0x0455, 's'), Map.entry(0x0501, 'd'),
            Map.entry(0x051B, 'q'), Map.entry(0x051D, 'w'), Map.entry(0x04BB, 'h'), Map.entry(0x04CF, 'l'),
            Map.entry(0x0433, 'r'), Map.entry(0x0438, 'u'), Map.entry(0x043F, 'n'),
            // Greek
            Map.entry(0x03B1, 'a'), Map.entry(0x03B2, 'b'), Map.entry(0x03B3, 'y'), Map.entry(0x03B5, 'e'),
            Map.entry(0x03B7, 'n'), Map.entry(0x03B9, 'i'), Map.entry(0x03BA, 'k'), Map.entry(0x03BD, 'v'),
            Map.entry(0x03BF, 'o'), Map.entry(0x03C1, 'p'), Map.entry(0x03C4, 't'), Map.entry(0x03C5, 'u'),
            Map.entry(0x03C7, 'x'), Map.entry(0x03C9, 'w'), Map.entry(0x03C2, 'c'), Map.entry(0x03BC, 'u'),
            // Latin look-alikes NFKC leaves alone
            Map.entry(0x0131, 'i'), Map.entry(0x0237, 'j'), Map.entry(0x0251, 'a'), Map.entry(0x0261, 'g'),
            Map.entry(0x0280, 'r'), Map.entry(0x026A, 'i'), Map.entry(0x1D00, 'a'), Map.entry(0x1D04, 'c'),
            Map.entry(0x1D0F, 'o'), Map.entry(0x1D1C, 'u'), Map.entry(0x0274, 'n'), Map.entry(0x029F, 'l'),
            Map.entry(0x00F8, 'o'), Map.entry(0x0142, 'l'), Map.entry(0x0111, 'd'), Map.entry(0x00F0, 'd'));

    /** Digits and symbols standing in for letters inside a word. */
    private static final Map<Character, Character> LEET = Map.ofEntries(
            Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('3', 'e'), Map.entry('4', 'a'), Map.entry('5', 's'),
            Map.entry('7', 't'), Map.entry('8', 'b'), Map.entry('9', 'g'), Map.entry('@', 'a'), Map.entry('$', 's'),
            Map.entry('!', 'i'), Map.entry('|', 'l'), Map.entry('+', 't'), Map.entry('€', 'e'));

    /** The shortest run of single letters read as one spaced-out word ("f u c k"). */
    private static final int MIN_SPACED_LETTERS = 3;

    private Normalizer() {}

    /** One word of the normalized text; joined is true when it was spelled out letter by letter. */
    public record Word(String text, boolean joined) {}

    /** The words of a text, normalized. */
    public static List<Word> words(String text) {
        String folded = fold(text);
        List<String> raw = tokens(folded);
        return joinSpacedLetters(raw);
    }

    /** The text lower-cased, compatibility-decomposed, without accents or invisible characters, look-alikes mapped to Latin. */
    static String fold(String text) {
        String s = java.text.Normalizer.normalize(text, Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        s = java.text.Normalizer.normalize(s, Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) return;
            if (type == Character.FORMAT || cp == 0x00AD) return; // zero-width joiners, soft hyphens: invisible splitters
            if (cp == 0x00DF) { out.append("ss"); return; }
            Character c = CONFUSABLES.get(cp);
            if (c != null) out.append(c.charValue());
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }

    /**
     * Splits folded text into words. A leet symbol counts as a letter when a letter or digit follows
     * it ("$hit", "f!ck") but not at a word's end ("wow!"); digits are read as letters only in a
     * word that also has a real letter, so "2024" stays a number.
     */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean hasLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            boolean leetSymbol = !letter && !digit && LEET.containsKey(c) && symbolRunEndsInWord(s, i);
            if (letter || digit || leetSymbol || Character.isLetter(c)) {
                word.append(c);
                hasLetter |= letter || Character.isLetter(c);
            } else if (word.length() > 0) {
                out.add(deleet(word, hasLetter));
                word.setLength(0);
                hasLetter = false;
            }
        }
        if (word.length() > 0) out.add(deleet(word, hasLetter));
        return out;
    }

    /** Whether the run of leet symbols starting at i goes on into a letter or digit ("a$$hole", not "wow!!"). */
    private static boolean symbolRunEndsInWord(String s, int i) {
        int k = i;
        while (k < s.length() && LEET.containsKey(s.charAt(k)) && !isAlnum(s.charAt(k))) k++;
        return k < s.length() && isAlnum(s.charAt(k));
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || Character.isLetter(c);
    }

    private static String deleet(StringBuilder word, boolean hasLetter) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            Character mapped = LEET.get(c);
            if (mapped != null && (!digit || hasLetter)) out.append(mapped.charValue());
            else out.append(c);
        }
        return out.toString();
    }

    /** Joins runs of single letters ("f", "u", "c", "k") into the word they spell. */
    private static List<Word> joinSpacedLetters(List<String> tokens) {
        List<Word> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).length() == 1) j++;
            if (j - i >= MIN_SPACED_LETTERS) {
                out.add(new Word(String.join("", tokens.subList(i, j)), true));
                i = j;
            } else {
                out.add(new Word(tokens.get(i), false));
                i++;
            }
        }
        return out;
    }

    /** The word with every run of a repeated letter cut to one ("fuuuuck" → "fuck", "ass" → "as"). */
    static String squeeze(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            if (i == 0 || word.charAt(i) != word.charAt(i - 1)) out.append(word.charAt(i));
        }
        return out.toString();
    }
}

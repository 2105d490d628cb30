package dev.tribune.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed into a search box, reduced to plain words: runs of letters, digits and
 * marks, lower-cased. Quotes, stars, parentheses, NEAR, AND and every other operator become
 * ordinary text or vanish, so no input can break the database's query syntax.
 */
public record SearchQuery(String typed, List<String> terms) {
    /** Longer input is cut here before it is read: a search box is not a document. */
    public static final int MAX_CHARS = 200;
    /** Words beyond this are dropped: every word must match, so more only narrow to nothing. */
    public static final int MAX_TERMS = 8;
    /** A longer "word" is noise (a pasted hash or URL); it is cut to this length and matched as a prefix. */
    public static final int MAX_TERM_CHARS = 40;

    // The same classes FTS5's unicode61 treats as token characters; everything else separates words.
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    public static SearchQuery parse(String typed) {
        String raw = typed == null ? "" : typed;
        if (raw.length() > MAX_CHARS) raw = raw.substring(0, MAX_CHARS);
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && terms.size() < MAX_TERMS) {
            String t = m.group().toLowerCase(Locale.ROOT);
            if (t.length() > MAX_TERM_CHARS) t = t.substring(0, MAX_TERM_CHARS);
            terms.add(t);
        }
        return new SearchQuery(text.strip(), List.copyOf(terms));
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }
}

package dev.tribune.moderation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds listed words in a comment after {@link Normalizer} has undone spelling tricks. A list
 * line is a whole word ("bastard", also matching "bastards"), a word start ("bitch*"), a word end
 * ("*hole"), a part of any word ("*fuck*") or a phrase of whole words ("white power"). An allowed
 * word (a whitelist entry) covering a hit cancels it, so "Scunthorpe" and "cockpit" pass.
 */
public final class WordFilter {
    /** Endings a whole-word entry also matches, so lists need not spell every inflection. */
    private static final List<String> INFLECTIONS = List.of("", "s", "es", "ed", "er", "ers", "ing", "in", "y");

    /** How a listed word is treated: rejected outright or held for review. */
    public enum Severity { REJECT, HOLD }

    /** One listed word found in a text, with the list entry it matched. */
    public record Hit(String entry, Severity severity) {}

    private record Term(String word, boolean anyStart, boolean anyEnd, Severity severity, String entry) {}

    private final Map<String, Term> whole = new HashMap<>();
    private final Map<String, Term> wholeSqueezed = new HashMap<>();
    private final List<Term> partial = new ArrayList<>();
    private final List<Term> partialSqueezed = new ArrayList<>();
    private final List<Term> phrases = new ArrayList<>();
    private final Set<String> allowed = new LinkedHashSet<>();
    private final Set<String> allowedSqueezed = new LinkedHashSet<>();

    private WordFilter() {}

    /** The words shipped with Tribune (see NOTICE): slurs reject, profanity holds; plus the allowed words. */
    public static WordFilter shipped() {
        return builder().add(resource("slurs.txt"), Severity.REJECT).add(resource("profanity.txt"), Severity.HOLD)
                .allow(resource("allowed.txt")).build();
    }

    public static Builder builder() { return new Builder(); }

    /** Collects list entries; later entries of the same word win. */
    public static final class Builder {
        private final Map<String, Severity> entries = new java.util.LinkedHashMap<>();
        private final List<String> allowed = new ArrayList<>();

        public Builder add(List<String> lines, Severity severity) {
            for (String l : lines) {
                String e = l.strip();
                if (!e.isEmpty() && !e.startsWith("#")) entries.put(e, severity);
            }
            return this;
        }

        public Builder allow(List<String> lines) {
            for (String l : lines) {
                String e = l.strip();
                if (!e.isEmpty() && !e.startsWith("#")) allowed.add(e);
            }
            return this;
        }

        public WordFilter build() {
            WordFilter f = new WordFilter();
            entries.forEach(f::addTerm);
            for (String a : allowed) {
                for (Normalizer.Word w : Normalizer.words(a)) {
                    f.allowed.add(w.text());
                    f.allowedSqueezed.add(Normalizer.squeeze(w.text()));
                }
            }
            return f;
        }
    }

    private void addTerm(String entry, Severity severity) {
        boolean anyStart = entry.startsWith("*");
        boolean anyEnd = entry.endsWith("*") && entry.length() > 1;
        String bare = entry.substring(anyStart ? 1 : 0, entry.length() - (anyEnd ? 1 : 0));
        List<Normalizer.Word> words = Normalizer.words(bare);
        if (words.isEmpty()) return;
        if (words.size() > 1) {
            StringBuilder p = new StringBuilder();
            for (Normalizer.Word w : words) p.append(' ').append(w.text());
            phrases.add(new Term(p.append(' ').toString(), false, false, severity, entry));
            return;
        }
        String w = words.get(0).text();
        if (!anyStart && !anyEnd) {
            whole.put(w, new Term(w, false, false, severity, entry));
            wholeSqueezed.put(Normalizer.squeeze(w), new Term(Normalizer.squeeze(w), false, false, severity, entry));
        } else {
            partial.add(new Term(w, anyStart, anyEnd, severity, entry));
            partialSqueezed.add(new Term(Normalizer.squeeze(w), anyStart, anyEnd, severity, entry));
        }
    }

    /** Every listed word in the text, rejecting entries first. */
    public List<Hit> find(String text) {
        List<Normalizer.Word> words = Normalizer.words(text);
        Set<Hit> hits = new LinkedHashSet<>();
        StringBuilder joined = new StringBuilder(" ");
        for (Normalizer.Word w : words) {
            joined.append(w.text()).append(' ');
            match(w.text(), whole, partial, allowed, hits);
            String squeezed = Normalizer.squeeze(w.text());
            if (!squeezed.equals(w.text())) match(squeezed, wholeSqueezed, partialSqueezed, allowedSqueezed, hits);
        }
        for (Term p : phrases) {
            if (joined.indexOf(p.word()) >= 0) hits.add(new Hit(p.entry(), p.severity()));
        }
        List<Hit> out = new ArrayList<>(hits);
        out.sort((a, b) -> a.severity().compareTo(b.severity()));
        return out;
    }

    private static void match(String word, Map<String, Term> whole, List<Term> partial, Set<String> allowed, Set<Hit> hits) {
        for (String ending : INFLECTIONS) {
            if (word.length() > ending.length() && word.endsWith(ending)) {
                Term t = whole.get(word.substring(0, word.length() - ending.length()));
                if (t != null && !isAllowed(word, 0, t.word().length(), allowed)) hits.add(new Hit(t.entry(), t.severity()));
            }
        }
        for (Term t : partial) {
            int from = 0;
            int at;
            while ((at = word.indexOf(t.word(), from)) >= 0) {
                from = at + 1;
                int end = at + t.word().length();
                if (!t.anyStart() && at != 0) continue;
                if (!t.anyEnd() && !INFLECTIONS.contains(word.substring(end))) continue;
                if (isAllowed(word, at, end, allowed)) continue;
                hits.add(new Hit(t.entry(), t.severity()));
                break;
            }
        }
    }

    /** Whether an allowed word in this word covers the span [start, end). */
    private static boolean isAllowed(String word, int start, int end, Set<String> allowed) {
        for (String a : allowed) {
            int from = Math.max(0, end - a.length());
            int at;
            while ((at = word.indexOf(a, from)) >= 0 && at <= start) {
                if (at + a.length() >= end) return true;
                from = at + 1;
            }
        }
        return false;
    }

    /** Lines of a list shipped in src/main/resources/moderation/wordlists. */
    public static List<String> resource(String name) {
        String path = "/moderation/wordlists/" + name;
        try (InputStream in = WordFilter.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing word list " + path);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.tribune.moderation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Arrays;
import java.util.List;

/**
 * Rejects comments with a banned word (slurs, and the site's own banned words) and holds those
 * with a suspect word (profanity when the site holds it, and the site's own suspect words).
 */
final class Words implements Phase {
    static final String NAME = "words";
    private static final List<String> SLURS = WordFilter.resource("slurs.txt");
    private static final List<String> PROFANITY = WordFilter.resource("profanity.txt");
    private static final List<String> ALLOWED = WordFilter.resource("allowed.txt");

    /** Filters built for a site's own words, kept while the site's lists stay the same. */
    private final Cache<List<String>, WordFilter> filters = Caffeine.newBuilder().maximumSize(100).build();

    @Override
    public String name() { return NAME; }

    @Override
    public Verdict check(Submission s) {
        Policy p = s.policy();
        WordFilter filter = filters.get(List.of(p.profanity(), p.bannedWords(), p.suspectWords(), p.allowedWords()), k -> build(p));
        List<WordFilter.Hit> hits = filter.find(s.body());
        if (hits.isEmpty()) return Verdict.PASS;
        WordFilter.Hit first = hits.get(0);
        if (first.severity() == WordFilter.Severity.REJECT) {
            return Verdict.reject(NAME, "Your comment contains language that is not allowed here. Please rephrase it.");
        }
        return Verdict.hold(NAME, "Language a moderator should see: " + String.join(", ", hits.stream().map(WordFilter.Hit::entry).toList()));
    }

    static WordFilter build(Policy p) {
        WordFilter.Builder b = WordFilter.builder();
        if (p.profanity().equals("hold")) b.add(PROFANITY, WordFilter.Severity.HOLD);
        b.add(SLURS, WordFilter.Severity.REJECT);
        b.add(split(p.suspectWords()), WordFilter.Severity.HOLD);
        b.add(split(p.bannedWords()), WordFilter.Severity.REJECT);
        return b.allow(ALLOWED).allow(split(p.allowedWords())).build();
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }
}

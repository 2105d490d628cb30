package dev.tribune.moderation;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spells out an emoji by its Unicode name ("🐀" also reads as "rat"), so an emoji used as an
 * insult meets the same word written out in the training data.
 */
final class EmojiWords {
    /** Words in emoji names that carry no meaning, or would wrongly read as an identity term. */
    private static final Set<String> SKIP = Set.of("black", "white", "with", "of", "and", "sign", "symbol", "face", "the");
    private static final ConcurrentHashMap<Integer, String> CACHE = new ConcurrentHashMap<>();

    private EmojiWords() {}

    /** " rat " for 🐀; "" for code points that are not emoji-like symbols. */
    static String of(int cp) {
        if (Character.getType(cp) != Character.OTHER_SYMBOL) return "";
        return CACHE.computeIfAbsent(cp, EmojiWords::spell);
    }

    private static String spell(int cp) {
        String name = Character.getName(cp);
        if (name == null) return "";
        StringBuilder sb = new StringBuilder(" ");
        for (String w : name.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (w.length() > 1 && !SKIP.contains(w)) sb.append(w).append(' ');
        }
        return sb.length() == 1 ? "" : sb.toString();
    }
}

package dev.tribune.moderation;

/**
 * Splits normalized text into tokens and sentences and turns them into hashed features:
 * words, word pairs and the 3- to 5-letter pieces of each word (which survive misspellings).
 */
public final class TextFeatures {
    /** Longer tokens (links, keyboard mashing) add noise, not meaning, past this many letters. */
    private static final int MAX_GRAM_TOKEN = 24;
    private static final int NS_WORD = 0x1b873593;
    private static final int NS_PAIR = 0x5bd1e995;
    private static final int NS_GRAM = 0x68e31da4;
    private static final int NS_LEXICON = 0x3c6ef372;

    /** Receives one feature: the token it belongs to, its bucket and its value. */
    public interface Sink {
        void accept(int token, int bucket, float value);
    }

    /** The tokens of one text, with the sentence breaks and quotation flags between them. */
    public static final class Tokens {
        final NormalizedText text;
        int count;
        int[] start;
        int[] end;
        int[] hash;
        boolean[] quoted;
        /** True when a sentence ends right after this token. */
        boolean[] sentenceEnd;

        Tokens(NormalizedText text, int capacity) {
            this.text = text;
            start = new int[capacity];
            end = new int[capacity];
            hash = new int[capacity];
            quoted = new boolean[capacity];
            sentenceEnd = new boolean[capacity];
        }

        public int count() {
            return count;
        }

        /** The token as the writer typed it. */
        String originalToken(int t) {
            int from = text.origin[start[t]];
            if (end[t] - start[t] == 7 && new String(text.chars, start[t], 7).equals("httpurl")) {
                // links were replaced by one token; show the whole link as written
                int to = from;
                while (to < text.original.length() && !Character.isWhitespace(text.original.charAt(to))) to++;
                return text.original.substring(from, to);
            }
            int to = text.origin[end[t] - 1];
            to += Character.charCount(text.original.codePointAt(to));
            return text.original.substring(from, Math.min(to, text.original.length()));
        }
    }

    private final int mask;
    private final float quoteWeight;
    private final boolean lexicon;

    public TextFeatures(int bits, float quoteWeight, boolean lexicon) {
        this.mask = (1 << bits) - 1;
        this.quoteWeight = quoteWeight;
        this.lexicon = lexicon;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c == '@';
    }

    /** Tokenizes normalized text: words, and each symbol or emoji on its own. */
    public static Tokens tokenize(NormalizedText nt) {
        char[] c = nt.chars;
        Tokens tk = new Tokens(nt, nt.length + 1);
        int i = 0;
        while (i < nt.length) {
            char ch = c[i];
            int s = i;
            if (isWordChar(ch)) {
                while (i < nt.length && isWordChar(c[i])) i++;
            } else if (ch >= 128 && !Character.isWhitespace(ch) && !isPunctuation(ch)) {
                i += Character.isHighSurrogate(ch) && i + 1 < nt.length ? 2 : 1;
            } else {
                if ((ch == '.' || ch == '!' || ch == '?' || ch == '\n') && tk.count > 0) tk.sentenceEnd[tk.count - 1] = true;
                i++;
                continue;
            }
            int t = tk.count++;
            tk.start[t] = s;
            tk.end[t] = i;
            int h = 0x811c9dc5;
            for (int k = s; k < i; k++) h = (h ^ c[k]) * 0x01000193;
            tk.hash[t] = h;
            tk.quoted[t] = nt.quoted[s];
        }
        return tk;
    }

    private static boolean isPunctuation(char ch) {
        int type = Character.getType(ch);
        return type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    /** Every feature of one text with its full 32-bit hash, so models of any size can share it. */
    public static final class FeatureList {
        final Tokens tokens;
        int size;
        int[] token = new int[256];
        int[] hash = new int[256];
        float[] value = new float[256];

        FeatureList(Tokens tokens) {
            this.tokens = tokens;
        }

        void add(int t, int h, float v) {
            if (size == token.length) {
                token = java.util.Arrays.copyOf(token, size * 2);
                hash = java.util.Arrays.copyOf(hash, size * 2);
                value = java.util.Arrays.copyOf(value, size * 2);
            }
            token[size] = t;
            hash[size] = h;
            value[size++] = v;
        }
    }

    /** Collects all features of a text unmasked; a model masks them to its own size. */
    public FeatureList collect(Tokens tk) {
        FeatureList fl = new FeatureList(tk);
        emit(tk, 0, tk.count, fl::add, -1);
        return fl;
    }

    private static final int NS_CONTEXT_WORD = 0x2545f491;
    private static final int NS_CONTEXT_PAIR = 0x9e3779b9;
    private static final int NS_CONTEXT_NEGATED = 0x7f4a7c15;
    /** How many words after "not", "never", "don't" … count as negated. */
    static final int NEGATION_SCOPE = 3;
    private static final int[] NEGATORS = java.util.stream.Stream.of("not", "no", "never", "dont", "doesnt", "didnt",
            "isnt", "arent", "wasnt", "werent", "cant", "cannot", "wont", "wouldnt", "shouldnt", "couldnt", "aint",
            "nobody", "nothing", "neither", "nor", "without", "hardly", "stop", "against")
            .mapToInt(Lexicon::hash).sorted().toArray();

    static boolean isNegator(int tokenHash) {
        return java.util.Arrays.binarySearch(NEGATORS, tokenHash) >= 0;
    }

    /**
     * The word-level features the {@link EmbeddingModel} reads: words, word pairs, listed bad
     * words, and words in the scope of a negation marked as such. Full hashes, unscaled values.
     */
    public FeatureList collectContext(Tokens tk) {
        FeatureList fl = new FeatureList(tk);
        char[] c = tk.text.chars;
        int negatedUntil = -1;
        for (int t = 0; t < tk.count; t++) {
            float v = tk.quoted[t] ? quoteWeight : 1f;
            int h = tk.hash[t];
            fl.add(t, mix(h ^ NS_CONTEXT_WORD), v);
            if (t > 0 && !tk.sentenceEnd[t - 1]) fl.add(t, mix(tk.hash[t - 1] * 31 + h ^ NS_CONTEXT_PAIR), v);
            if (lexicon && Lexicon.ENGLISH.matches(c, tk.start[t], tk.end[t])) fl.add(t, mix(NS_CONTEXT_WORD * 7), v);
            if (t <= negatedUntil) fl.add(t, mix(h ^ NS_CONTEXT_NEGATED), v);
            if (isNegator(h)) negatedUntil = t + NEGATION_SCOPE;
            if (tk.sentenceEnd[t]) negatedUntil = -1;
        }
        return fl;
    }

    /** Whether two readers produce the same features before masking. */
    boolean sameAs(TextFeatures other) {
        return quoteWeight == other.quoteWeight && lexicon == other.lexicon;
    }

    /** Emits every feature of tokens [from, to); returns how many it emitted. */
    public int emit(Tokens tk, int from, int to, Sink sink) {
        return emit(tk, from, to, sink, mask);
    }

    private int emit(Tokens tk, int from, int to, Sink sink, int mask) {
        char[] c = tk.text.chars;
        int emitted = 0;
        for (int t = from; t < to; t++) {
            float v = tk.quoted[t] ? quoteWeight : 1f;
            int h = tk.hash[t];
            sink.accept(t, mix(h ^ NS_WORD) & mask, v);
            emitted++;
            if (t > from && !tk.sentenceEnd[t - 1]) {
                float pv = tk.quoted[t - 1] ? quoteWeight : v;
                sink.accept(t, mix(tk.hash[t - 1] * 31 + h ^ NS_PAIR) & mask, Math.min(v, pv));
                emitted++;
            }
            int s = tk.start[t];
            int len = tk.end[t] - s;
            if (lexicon && Lexicon.ENGLISH.matches(c, s, tk.end[t])) {
                // one shared feature: a listed word the training data never showed still counts
                sink.accept(t, mix(NS_LEXICON) & mask, v);
                emitted++;
            }
            if (len < 2 || len > MAX_GRAM_TOKEN || c[s] >= 128) continue;
            // pieces of "<word>", the angle brackets marking the word's edges
            int padded = len + 2;
            for (int a = 0; a + 3 <= padded; a++) {
                int g = NS_GRAM;
                for (int k = 0; k < 5 && a + k < padded; k++) {
                    int p = a + k;
                    char ch = p == 0 ? '<' : p == padded - 1 ? '>' : c[s + p - 1];
                    g = (g ^ ch) * 0x01000193;
                    if (k >= 2) {
                        sink.accept(t, mix(g + k) & mask, v);
                        emitted++;
                    }
                }
            }
        }
        return emitted;
    }

    /** Murmur3's finalizer: spreads FNV hashes evenly over the buckets. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}

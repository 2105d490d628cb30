package dev.tribune.moderation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bundled list of insults, slurs and profanity (moderation/lexicon-en.txt), matched
 * against normalized tokens by hash so that checking a word allocates nothing.
 */
final class Lexicon {
    static final Lexicon ENGLISH = load("moderation/lexicon-en.txt");

    private final int[] exact;
    private final int[] prefixes;
    private final int[] exceptions;

    private Lexicon(int[] exact, int[] prefixes, int[] exceptions) {
        this.exact = exact;
        this.prefixes = prefixes;
        this.exceptions = exceptions;
    }

    /** Same hash as {@link TextFeatures#tokenize}, so token hashes can be looked up directly. */
    static int hash(CharSequence s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x01000193;
        return h;
    }

    /** Whether chars [s, e) form a listed word, or start with a listed root and are no exception. */
    boolean matches(char[] c, int s, int e) {
        int h = 0x811c9dc5;
        boolean hit = false;
        for (int k = s; k < e; k++) {
            h = (h ^ c[k]) * 0x01000193;
            if (Arrays.binarySearch(exceptions, h) >= 0) return false;
            if (!hit && Arrays.binarySearch(prefixes, h) >= 0) hit = true;
        }
        return hit || Arrays.binarySearch(exact, h) >= 0;
    }

    private static Lexicon load(String resource) {
        List<Integer> exact = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        List<Integer> exceptions = new ArrayList<>();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                boolean except = line.startsWith("!");
                if (except) line = line.substring(1);
                boolean prefix = line.endsWith("*");
                if (prefix) line = line.substring(0, line.length() - 1);
                int h = hash(line);
                (except ? exceptions : prefix ? prefixes : exact).add(h);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicon(sorted(exact), sorted(prefixes), sorted(exceptions));
    }

    private static int[] sorted(List<Integer> xs) {
        int[] a = xs.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}

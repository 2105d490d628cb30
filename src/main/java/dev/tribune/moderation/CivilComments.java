package dev.tribune.moderation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Civil Comments toxic-spans set: whole comments labeled by rater majority (for
 * checking), and sentences labeled by the spans raters marked (for training), because
 * sentences no rater marked are, in practice, civil news-site prose. For the attribute heads
 * (insult, threat, identity attack, profanity) only spans of that type count.
 */
final class CivilComments {
    private CivilComments() {}

    /** The raters' span type behind each attribute head, as written in spans.csv. */
    private static final Map<String, String> SPAN_TYPE = Map.of(
            "insult", "Insult", "threat", "Threat", "identity_attack", "Identity based Attack", "profanity", "Profane/Obscene");

    /**
     * One rater's judgement: toxic or not, and the spans they marked as {start, end, 1 when the
     * span is of the type asked for (every span when none is asked for), else 0}.
     */
    private record Rating(boolean toxic, List<int[]> spans) {
        boolean typed() {
            for (int[] sp : spans) if (sp[2] == 1) return true;
            return false;
        }
    }

    /** Whether the set has labels for this target (toxicity or one of the attribute heads). */
    static boolean labels(String target) {
        return target.equals("toxicity") || SPAN_TYPE.containsKey(target);
    }

    static List<Example> read(Path dir) throws IOException {
        return read(dir, "toxicity");
    }

    static List<Example> read(Path dir, String target) throws IOException {
        String type = SPAN_TYPE.get(target);
        Map<String, List<Rating>> byComment = ratings(dir, type);
        List<String[]> rows = CsvReader.read(dir.resolve("comments.csv"), ',');
        List<Example> out = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length < 2) continue;
            List<Rating> rs = byComment.get(r[0]);
            if (rs == null || rs.isEmpty()) continue;
            String text = r[1];
            String group = "cc" + r[0];
            long toxicVotes = rs.stream().filter(x -> type == null ? x.toxic() : x.typed()).count();
            double share = (double) toxicVotes / rs.size();
            out.add(new Example(text, share >= 0.5 ? 1 : 0, "civil-comments", "civil-comments", group, true));
            sentences(text, rs, group, out);
        }
        return out;
    }

    private static void sentences(String text, List<Rating> rs, String group, List<Example> out) {
        int start = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            boolean end = i == n || ((text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?' || text.charAt(i) == '\n')
                    && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1))));
            if (!end) continue;
            int stop = Math.min(n, i + 1);
            String s = text.substring(start, stop).strip();
            if (s.split("\\s+").length >= 3) {
                int marked = 0;
                int typed = 0;
                for (Rating r : rs) {
                    boolean any = false;
                    boolean ofType = false;
                    for (int[] sp : r.spans) {
                        if (sp[0] < stop && sp[1] > start) { any = true; ofType |= sp[2] == 1; }
                    }
                    if (any) marked++;
                    if (ofType) typed++;
                }
                // one rater's span alone is too often a disagreement; for a type, two raters must
                // find the sentence toxic and at least one of them name the type (threats are rare)
                int label = typed >= 2 || (typed >= 1 && marked >= 2) ? 1 : typed == 0 ? 0 : -1;
                if (label >= 0) out.add(new Example(s, label, "civil-sentences", "civil-comments", group, false));
            }
            start = stop;
        }
    }

    /** Ratings per comment; with a span type, spans of that type are marked as such. */
    private static Map<String, List<Rating>> ratings(Path dir, String type) throws IOException {
        Map<String, List<int[]>> spans = new HashMap<>();
        List<String[]> spanRows = CsvReader.read(dir.resolve("spans.csv"), ',');
        for (String[] r : spanRows.subList(1, spanRows.size())) {
            if (r.length < 4) continue;
            int ofType = type == null || r[1].trim().equals(type) ? 1 : 0;
            try {
                spans.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new int[] {Integer.parseInt(r[2].trim()), Integer.parseInt(r[3].trim()), ofType});
            } catch (NumberFormatException e) {
                // a damaged span row says nothing usable
            }
        }
        Map<String, List<Rating>> out = new HashMap<>();
        List<String[]> rows = CsvReader.read(dir.resolve("annotations.csv"), ',');
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length < 6) continue;
            List<int[]> sp = spans.getOrDefault(r[0], List.of());
            // the "all toxic" box is often ticked together with "not toxic"; spans are the reliable signal
            boolean toxic = !sp.isEmpty() || (r[4].equals("True") && r[5].equals("False"));
            out.computeIfAbsent(r[1], k -> new ArrayList<>()).add(new Rating(toxic, sp));
        }
        return out;
    }
}

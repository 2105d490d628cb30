package dev.tribune.moderation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Readers for the public data sets' own file layouts (one method per set). */
final class ExtraSets {
    private ExtraSets() {}

    private static int column(String[] header, String name) throws IOException {
        for (int i = 0; i < header.length; i++) if (header[i].trim().equalsIgnoreCase(name)) return i;
        throw new IOException("missing column " + name);
    }

    /** Davidson tweets: hate and offensive are both abuse for a comment section. */
    static List<Example> davidson(Path file) throws IOException {
        List<String[]> rows = CsvReader.read(file, ',');
        int cls = column(rows.get(0), "class");
        int tweet = column(rows.get(0), "tweet");
        List<Example> out = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length <= tweet) continue;
            out.add(new Example(r[tweet], r[cls].trim().equals("2") ? 0 : 1, "davidson", "davidson", null, false));
        }
        return out;
    }

    /** Stormfront sentences; "relation" and "skip" rows have no usable label. */
    static List<Example> stormfront(Path file) throws IOException {
        List<String[]> rows = CsvReader.read(file, ',');
        int label = column(rows.get(0), "label");
        int text = column(rows.get(0), "text");
        int comment = column(rows.get(0), "comment_id");
        List<Example> out = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length <= text) continue;
            int y = r[label].equals("hate") ? 1 : r[label].equals("noHate") ? 0 : -1;
            if (y >= 0) out.add(new Example(r[text], y, "stormfront", "stormfront", "sf" + r[comment], false));
        }
        return out;
    }

    static final java.util.Map<String, String> JIGSAW_COLUMN = java.util.Map.of("toxicity", "toxic",
            "insult", "insult", "threat", "threat", "identity_attack", "identity_hate", "profanity", "obscene");

    /** The 101-comment Jigsaw sample: too small to train on, kept for checking. */
    static List<Example> jigsawSample(Path file) throws IOException {
        return jigsawSample(file, "toxicity");
    }

    /** The sample's column for a target: toxic, insult, threat, identity_hate or obscene. */
    static List<Example> jigsawSample(Path file, String target) throws IOException {
        List<String[]> rows = CsvReader.read(file, ',');
        int toxic = column(rows.get(0), JIGSAW_COLUMN.get(target));
        int text = column(rows.get(0), "comment_text");
        List<Example> out = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length <= toxic) continue;
            out.add(new Example(r[text], r[toxic].trim().equals("1") ? 1 : 0, "jigsaw-wiki-sample", "jigsaw-wiki-sample", null, true));
        }
        return out;
    }

    /** One YouTube video's comments; each video is its own source. */
    static List<Example> youtube(Path file) throws IOException {
        List<String[]> rows = CsvReader.read(file, ',');
        int content = column(rows.get(0), "CONTENT");
        int label = rows.get(0).length - 1; // "CLASS" or "label", always last
        String video = file.getFileName().toString().replaceFirst("\\.csv$", "").toLowerCase(Locale.ROOT);
        String source = "youtube-" + video.replaceFirst("^youtube\\d*-", "");
        List<Example> out = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length <= label) continue;
            out.add(new Example(r[content], r[label].trim().equals("1") ? 1 : 0, source, source, null, false));
        }
        return out;
    }

    /** SMS Spam Collection: "ham|spam TAB message", no quoting. */
    static List<Example> sms(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab < 0) continue;
            String tag = line.substring(0, tab);
            if (!tag.equals("ham") && !tag.equals("spam")) continue;
            out.add(new Example(line.substring(tab + 1), tag.equals("spam") ? 1 : 0, "sms", "sms", null, false));
        }
        return out;
    }

    /** The moderation-extra TSVs: text, label, source_file, extra. */
    static List<Example> tsv(Path file) throws IOException {
        List<String[]> rows = CsvReader.read(file, '\t');
        String source = file.getParent() == null ? "tsv" : file.getParent().getFileName().toString();
        int text = column(rows.get(0), "text");
        int label = column(rows.get(0), "label");
        int extraCol = rows.get(0).length > 3 ? 3 : -1;
        int stride = 1;
        if (source.contains("template")) stride = Math.max(1, (rows.size() - 1 + LabeledData.TEMPLATE_CAP - 1) / LabeledData.TEMPLATE_CAP);
        List<Example> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i += stride) {
            String[] r = rows.get(i);
            if (r.length <= label) continue;
            String extra = extraCol >= 0 && r.length > extraCol ? r[extraCol] : "";
            out.add(new Example(r[text], r[label].trim().equals("1") ? 1 : 0, source, source, groupOf(source, extra), false));
        }
        return out;
    }

    /** Edited pairs (hatemoji "pair=", debias "rev_id=") must not straddle a split. */
    private static String groupOf(String source, String extra) {
        for (String part : extra.split(";")) {
            if (part.startsWith("pair=") || part.startsWith("rev_id=")) return source + ":" + part;
        }
        return null;
    }
}

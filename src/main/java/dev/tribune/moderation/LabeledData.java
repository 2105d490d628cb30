package dev.tribune.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads labeled comments from JSONL files and from the layouts of the data sets in
 * ../shared/data, into examples for one target (toxicity, spam, or an attribute head:
 * insult, threat, identity_attack, profanity).
 */
public final class LabeledData {
    /** Sets built for the other target lend at most this many examples, all as negatives. */
    static final int CROSS_TARGET_CAP = 2500;
    /** The template set is huge and repetitive; more of it teaches templates, not language. */
    static final int TEMPLATE_CAP = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabeledData() {}

    /** Reads a file or a folder (folders are walked in name order; toxigen only when named directly). */
    public static List<Example> read(Path path, String target) throws IOException {
        List<Example> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> children;
            try (Stream<Path> s = Files.list(path)) {
                children = s.sorted().toList();
            }
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child) && (name.equals("SemEval2021") || name.contains("toxigen"))) continue;
                if (Files.isDirectory(child) || isKnownFile(name)) out.addAll(read(child, target));
            }
            return out;
        }
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".json")) return jsonl(path, target);
        List<Example> native_;
        String nativeTarget = "toxicity";
        // the attribute heads take labels only from sets that mark that attribute
        boolean hate = name.equals("stormfront_sentences.csv") || lower.startsWith("hatemoji");
        if (hate && target.equals("identity_attack")) nativeTarget = target;
        if (lower.endsWith(".tsv")) native_ = ExtraSets.tsv(path);
        else if (name.equals("labeled_data.csv")) native_ = ExtraSets.davidson(path);
        else if (name.equals("stormfront_sentences.csv")) native_ = ExtraSets.stormfront(path);
        else if (name.equals("test_examples.csv") && ExtraSets.JIGSAW_COLUMN.containsKey(target)) {
            native_ = ExtraSets.jigsawSample(path, target);
            nativeTarget = target;
        }
        else if (name.equals("test_examples.csv")) native_ = ExtraSets.jigsawSample(path);
        else if (name.equals("comments.csv") && CivilComments.labels(target)) {
            native_ = CivilComments.read(path.getParent(), target);
            nativeTarget = target;
        }
        else if (name.equals("comments.csv")) native_ = CivilComments.read(path.getParent());
        else if (lower.startsWith("youtube") && lower.endsWith(".csv")) { native_ = ExtraSets.youtube(path); nativeTarget = "spam"; }
        else if (name.equals("SMSSpamCollection")) { native_ = ExtraSets.sms(path); nativeTarget = "spam"; }
        else throw new IOException("don't know how to read " + path + " (expected JSONL with text and label)");
        return nativeTarget.equals(target) ? native_ : asNegatives(native_);
    }

    static boolean isKnownFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".tsv") || name.equals("labeled_data.csv")
                || name.equals("stormfront_sentences.csv") || name.equals("test_examples.csv")
                || name.equals("comments.csv") || name.equals("SMSSpamCollection")
                || (lower.startsWith("youtube") && lower.endsWith(".csv"));
    }

    /** A set labeled for the other target still shows what ordinary text looks like. */
    private static List<Example> asNegatives(List<Example> in) {
        List<Example> usable = in.stream().filter(e -> !e.evalOnly() && e.label() == 0).toList();
        if (usable.isEmpty()) usable = in.stream().filter(e -> !e.evalOnly()).toList();
        int stride = Math.max(1, (usable.size() + CROSS_TARGET_CAP - 1) / CROSS_TARGET_CAP);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < usable.size(); i += stride) {
            Example e = usable.get(i);
            out.add(new Example(e.text(), 0, e.source() + "-negatives", e.family(), e.group(), false));
        }
        return out;
    }

    private static List<Example> jsonl(Path path, String target) throws IOException {
        String base = path.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        List<Example> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new IOException(path + " line " + n + ": not JSON");
                }
                JsonNode text = node.get("text");
                JsonNode label = node.has(target) ? node.get(target) : node.get("label");
                if (text == null || !text.isTextual() || label == null || !label.canConvertToInt()) {
                    throw new IOException(path + " line " + n + ": needs \"text\" and \"label\" 0 or 1");
                }
                String source = node.hasNonNull("source") ? node.get("source").asText() : base;
                String group = node.hasNonNull("group") ? node.get("group").asText() : null;
                out.add(new Example(text.asText(), label.asInt() > 0 ? 1 : 0, source, source, group, false));
            }
        }
        return out;
    }
}

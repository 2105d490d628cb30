package dev.tribune.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tribune moderation score}: JSONL {"id","text"} in on stdin, one JSONL result out per
 * line on stdout; unreadable lines get an "error" field and the rest carry on.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score JSONL {\"id\",\"text\"} from stdin; writes {\"id\",\"toxicity\",\"spam\",\"reasons\"} per line to stdout.")
final class ScoreCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", description = "model file replacing the shipped model of its target; repeatable")
    List<Path> models = new ArrayList<>();

    @Override
    public Integer call() {
        Classifiers classifiers;
        try {
            classifiers = Classifiers.loadWith(models);
        } catch (IOException | RuntimeException e) {
            System.err.println("moderation score: cannot load models: " + e.getMessage());
            return 1;
        }
        try {
            run(classifiers, System.in, System.out);
        } catch (IOException e) {
            System.err.println("moderation score: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    static void run(Classifiers classifiers, InputStream in, OutputStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        String line;
        while ((line = reader.readLine()) != null) {
            writer.write(JSON.writeValueAsString(scoreLine(classifiers, line)));
            writer.write('\n');
        }
        writer.flush();
    }

    static ObjectNode scoreLine(Classifiers classifiers, String line) {
        ObjectNode result = JSON.createObjectNode();
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            result.putNull("id");
            result.put("error", "line is not a JSON object");
            return result;
        }
        JsonNode id = node.get("id");
        result.set("id", id == null ? JSON.nullNode() : id);
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            result.put("error", "missing \"text\" string");
            return result;
        }
        try {
            TextScores s = classifiers.score(text.asText());
            result.put("toxicity", round(s.toxicity()));
            result.put("spam", round(s.spam()));
            ArrayNode reasons = result.putArray("reasons");
            s.reasons().forEach(reasons::add);
        } catch (RuntimeException e) {
            result.remove(List.of("toxicity", "spam", "reasons"));
            result.put("error", "could not score: " + e.getClass().getSimpleName());
        }
        return result;
    }

    /** Six decimals keep the ranking and make the output readable. */
    private static double round(double p) {
        return Math.round(Math.min(1, Math.max(0, p)) * 1e6) / 1e6;
    }
}

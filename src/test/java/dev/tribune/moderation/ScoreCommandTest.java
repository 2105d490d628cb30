package dev.tribune.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> score(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoreCommand.run(Classifiers.loadShipped(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) rows.add(JSON.readTree(line));
        }
        return rows;
    }

    @Test
    void writesOneResultPerLineAndSurvivesBadLines() throws Exception {
        String input = String.join("\n",
                "{\"id\": \"a1\", \"text\": \"You are a pathetic idiot.\"}",
                "this is not json",
                "{\"id\": 7, \"text\": \"Thanks for the careful reporting on the council budget.\"}",
                "{\"id\": \"no-text\"}",
                "[1, 2]",
                "{\"id\": \"emoji\", \"text\": \"😂😂 check out my channel http://x.example\"}") + "\n";
        List<JsonNode> rows = score(input);
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0).get("id").asText()).isEqualTo("a1");
        assertThat(rows.get(1).get("id").isNull()).isTrue();
        assertThat(rows.get(1).get("error").asText()).isNotBlank();
        assertThat(rows.get(2).get("id").isInt()).isTrue();
        assertThat(rows.get(3).get("id").asText()).isEqualTo("no-text");
        assertThat(rows.get(3).has("error")).isTrue();
        assertThat(rows.get(4).get("id").isNull()).isTrue();
        for (int i : new int[] {0, 2, 5}) {
            JsonNode r = rows.get(i);
            assertThat(r.has("error")).isFalse();
            assertThat(r.get("toxicity").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.get("spam").asDouble()).isBetween(0.0, 1.0);
            assertThat(r.get("reasons").isArray()).isTrue();
        }
        assertThat(rows.get(0).get("toxicity").asDouble()).isGreaterThan(rows.get(2).get("toxicity").asDouble());
    }

    @Test
    void commandPrintsNothingButResultsOnStdout() throws Exception {
        PrintStream oldOut = System.out;
        java.io.InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("{\"id\":1,\"text\":\"hello\"}\n{oops\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = ModerationCommand.commandLine().execute("score");
            assertThat(code).isZero();
        } finally {
            System.setOut(oldOut);
            System.setIn(oldIn);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) assertThat(JSON.readTree(line).has("id")).isTrue();
    }
}

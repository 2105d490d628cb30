package dev.tribune.moderation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTrainerTest {
    private static final String[] CIVIL = {"budget", "council", "thanks", "report", "bridge", "school", "vote", "agree", "article", "river"};
    private static final String[] RUDE = {"idiot", "moron", "trash", "stupid", "loser", "clown", "pathetic", "disgusting"};

    /** A small made-up comment set: rude words make a comment abusive. */
    static List<Example> generated(int n, long seed) {
        Random rnd = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean rude = rnd.nextBoolean();
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 6 + rnd.nextInt(10); w++) sb.append(CIVIL[rnd.nextInt(CIVIL.length)]).append(' ');
            if (rude) sb.append("you ").append(RUDE[rnd.nextInt(RUDE.length)]);
            out.add(new Example(sb.toString().trim() + ".", rude ? 1 : 0, i % 2 == 0 ? "site-a" : "site-b", "gen", null, false));
        }
        return out;
    }

    private static byte[] trainBytes(List<Example> data) throws Exception {
        TextClassifier m = new ModelTrainer(ModelTrainer.Options.standard(14)).train(data, "toxicity");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(m, out);
        return out.toByteArray();
    }

    @Test
    void trainingIsDeterministic() throws Exception {
        List<Example> data = generated(600, 1);
        assertThat(trainBytes(data)).isEqualTo(trainBytes(generated(600, 1)));
    }

    @Test
    void learnsAndRoundTripsThroughTheFile() throws Exception {
        byte[] bytes = trainBytes(generated(600, 2));
        TextClassifier m = ModelFile.read(new java.io.ByteArrayInputStream(bytes));
        double rude = m.probability("the council vote on the bridge, you pathetic moron");
        double civil = m.probability("the council vote on the bridge, thanks for the report");
        assertThat(rude).isGreaterThan(civil);
        assertThat(rude).isBetween(0.0, 1.0);
        assertThat(civil).isBetween(0.0, 1.0);
        assertThat(m.verdict("you pathetic moron", true).reasons()).isNotEmpty();
    }
}

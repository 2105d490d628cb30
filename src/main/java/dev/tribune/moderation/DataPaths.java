package dev.tribune.moderation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the shared training data and the shipped models live, relative to the project. */
final class DataPaths {
    private DataPaths() {}

    /** The folder holding pom.xml, looking up from the working directory. */
    static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.exists(q.resolve("pom.xml")) && Files.isDirectory(q.resolve("src/main"))) return q;
        }
        return p;
    }

    static Path sharedData() {
        return projectRoot().resolve("../shared/data").normalize();
    }

    static Path shippedModel(String target) {
        return projectRoot().resolve("src/main/resources/moderation").resolve(target + ".model");
    }

    /** The sets the shipped toxicity model learns from (toxigen is left out: research use only). */
    static List<Path> toxicityData() {
        Path d = sharedData();
        return List.of(
                d.resolve("moderation/civil-comments-toxic-spans"),
                d.resolve("moderation/davidson-hate-offensive"),
                d.resolve("moderation/stormfront-hate"),
                d.resolve("moderation/jigsaw-wikipedia-sample"), // checking only, too small to learn from
                d.resolve("moderation-extra/wiki-talk-context-toxicity"),
                d.resolve("moderation-extra/wiki-identity-debias"),
                d.resolve("moderation-extra/jigsaw-sentence-templates"),
                d.resolve("moderation-extra/hatemoji-build"),
                d.resolve("moderation-extra/convabuse"));
    }

    /** The sets the shipped spam model learns from; the comment sets lend ordinary text as negatives. */
    static List<Path> spamData() {
        Path d = sharedData();
        return List.of(
                d.resolve("moderation/youtube-spam"),
                d.resolve("moderation/sms-spam"),
                d.resolve("moderation/civil-comments-toxic-spans"),
                d.resolve("moderation-extra/wiki-talk-context-toxicity"));
    }

    /**
     * The sets an attribute head learns from: the raters' typed spans in Civil Comments, hate
     * sets for identity attacks, harmless Wikipedia text as negatives, the Jigsaw sample for checking.
     */
    static List<Path> attributeData(String target) {
        Path d = sharedData();
        List<Path> out = new java.util.ArrayList<>(List.of(
                d.resolve("moderation/civil-comments-toxic-spans"),
                d.resolve("moderation/jigsaw-wikipedia-sample"), // checking only
                d.resolve("moderation-extra/wiki-talk-context-toxicity"),
                d.resolve("moderation-extra/wiki-identity-debias")));
        if (target.equals("identity_attack")) {
            out.add(d.resolve("moderation/stormfront-hate"));
            out.add(d.resolve("moderation-extra/hatemoji-build"));
        }
        return out;
    }

    static List<Path> defaultData(String target) {
        return target.equals("spam") ? spamData() : target.equals("toxicity") ? toxicityData() : attributeData(target);
    }
}

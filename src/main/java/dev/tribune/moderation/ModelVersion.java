package dev.tribune.moderation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which model a server runs: the one shipped inside Tribune or one the newsroom trained on its
 * own decisions, its version number and training time (newsroom models only; both are written
 * into the model's description), what it learned from, and the SHA-256 of the file's bytes.
 */
public record ModelVersion(boolean newsroom, int version, Instant trainedAt, String data, String sha256, String file) {
    private static final Pattern STAMP = Pattern.compile("newsroom version (\\d+), trained (\\S+?);");

    /** The description a newsroom model carries after what the trainer wrote. */
    static String stamp(String description, int version, Instant trainedAt, String decisions) {
        return description + "; newsroom version " + version + ", trained " + trainedAt + "; " + decisions;
    }

    /** The identity of a model read from these bytes; file says where they came from. */
    static ModelVersion of(TextClassifier model, byte[] bytes, String file) {
        String d = model.description;
        Matcher m = STAMP.matcher(d);
        if (m.find()) {
            Instant at = null;
            try {
                at = Instant.parse(m.group(2));
            } catch (DateTimeParseException ignored) {
                // an odd stamp still names a newsroom model; only its time is unknown
            }
            return new ModelVersion(true, Integer.parseInt(m.group(1)), at, d, sha256(bytes), file);
        }
        return new ModelVersion(false, 0, null, d, sha256(bytes), file);
    }

    /** What a model without a known file is (tests that build classifiers in memory). */
    static ModelVersion unknown(TextClassifier model) {
        return new ModelVersion(false, 0, null, model.description, "", "in memory");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "shipped" or "newsroom v3, trained …", with the first 12 hex digits of the hash: one line for logs and the console. */
    public String label() {
        String who = newsroom ? "newsroom-trained v" + version + (trainedAt == null ? "" : ", trained " + trainedAt) : "shipped";
        return who + (sha256.isEmpty() ? "" : " (sha256 " + sha256.substring(0, 12) + ")");
    }
}

package dev.tribune.moderation;

/**
 * A comment rewritten into the plain lower-case alphabet the models read, remembering where
 * each character came from so reasons can be shown in the writer's own spelling.
 */
public final class NormalizedText {
    final char[] chars;
    final int length;
    /** Index in the original text of each normalized character. */
    final int[] origin;
    /** Whether each normalized character sits inside a quotation. */
    final boolean[] quoted;
    final String original;

    NormalizedText(String original, char[] chars, int length, int[] origin, boolean[] quoted) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.origin = origin;
        this.quoted = quoted;
    }

    /** The normalized text, for tests and debugging. */
    public String text() {
        return new String(chars, 0, length);
    }
}

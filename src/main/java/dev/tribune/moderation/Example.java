package dev.tribune.moderation;

/**
 * One labeled text. {@code family} groups sources that must be held out together when
 * measuring how a model does on a site it never saw; {@code group} keeps near-duplicates
 * (edited pairs, sentences of one post) on the same side of a split.
 */
public record Example(String text, int label, String source, String family, String group, boolean evalOnly) {
    Example withLabel(int newLabel) {
        return new Example(text, newLabel, source, family, group, evalOnly);
    }
}

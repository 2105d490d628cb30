package dev.tribune.web;

import java.util.Map;

/**
 * What the comment form shows: the values a reader typed (kept on error) and messages per field.
 * nudge is set when the guidelines nudge answered the post: the form then offers "Post for review".
 */
public record CommentForm(String name, String email, String body, Long parentId, String message, Map<String, String> errors,
                          boolean nudge) {
    public static final CommentForm EMPTY = new CommentForm("", "", "", null, null, Map.of());

    public CommentForm(String name, String email, String body, Long parentId, String message, Map<String, String> errors) {
        this(name, email, body, parentId, message, errors, false);
    }

    public String error(String field) { return errors.get(field); }

    public boolean hasError(String field) { return errors.containsKey(field); }
}

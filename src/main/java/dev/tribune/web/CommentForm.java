package dev.tribune.web;

import java.util.Map;

/** What the comment form shows: the values a reader typed (kept on error) and messages per field. */
public record CommentForm(String name, String email, String body, Long parentId, String message, Map<String, String> errors) {
    public static final CommentForm EMPTY = new CommentForm("", "", "", null, null, Map.of());

    public String error(String field) { return errors.get(field); }

    public boolean hasError(String field) { return errors.containsKey(field); }
}

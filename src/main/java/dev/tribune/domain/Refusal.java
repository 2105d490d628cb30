package dev.tribune.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request Tribune will not carry out, with a message for a person. type is a stable slug
 * (the last part of the problem type URI); fields names the inputs at fault.
 */
public class Refusal extends RuntimeException {
    private final int status;
    private final String type;
    private final Map<String, String> fields;

    public Refusal(int status, String type, String detail, Map<String, String> fields) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public Refusal(int status, String type, String detail) {
        this(status, type, detail, Map.of());
    }

    public static Refusal notFound(String what) {
        return new Refusal(404, "not-found", what);
    }

    public static Refusal forbidden(String detail) {
        return new Refusal(403, "forbidden", detail);
    }

    /** One invalid field; status 422 so clients can tell it from a malformed request. */
    public static Refusal invalid(String field, String message) {
        return new Refusal(422, "invalid-input", message, Map.of(field, message));
    }

    public static Refusal invalid(Map<String, String> fields) {
        String detail = String.join(" ", new LinkedHashMap<>(fields).values());
        return new Refusal(422, "invalid-input", detail, fields);
    }

    public int status() { return status; }

    public String type() { return type; }

    public String detail() { return getMessage(); }

    public Map<String, String> fields() { return fields; }
}

package dev.tribune.perspective;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal in Google's API error shape: {"error": {"code", "message", "status", "details"}},
 * which Perspective clients parse. {@code status} is the google.rpc code name.
 */
public final class PerspectiveError extends RuntimeException {
    /** The type URL of Perspective's own error detail. */
    static final String DETAIL_TYPE = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error";

    private final int code;
    private final String status;
    private final List<Map<String, Object>> details;

    public PerspectiveError(int code, String status, String message, List<Map<String, Object>> details) {
        super(message);
        this.code = code;
        this.status = status;
        this.details = details;
    }

    /** 400 INVALID_ARGUMENT, with Perspective's error type in the details when there is one. */
    public static PerspectiveError invalid(String errorType, String message) {
        return invalid(errorType, message, Map.of());
    }

    public static PerspectiveError invalid(String errorType, String message, Map<String, Object> more) {
        if (errorType == null) return new PerspectiveError(400, "INVALID_ARGUMENT", message, List.of());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@type", DETAIL_TYPE);
        d.put("errorType", errorType);
        d.putAll(more);
        return new PerspectiveError(400, "INVALID_ARGUMENT", message, List.of(d));
    }

    public int code() {
        return code;
    }

    public String status() {
        return status;
    }

    /** The whole answer body. */
    public Map<String, Object> body() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", getMessage());
        e.put("status", status);
        if (!details.isEmpty()) e.put("details", details);
        return Map.of("error", e);
    }
}

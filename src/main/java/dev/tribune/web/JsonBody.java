package dev.tribune.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tribune.domain.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object sent to the API, read strictly: UTF-8 only, one object, no duplicate names.
 * Fields are taken with their expected type; wrong types are collected and refused together,
 * one message per field, so a client learns everything wrong in one answer.
 */
final class JsonBody {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode object;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private JsonBody(ObjectNode object) {
        this.object = object;
    }

    static JsonBody read(ServerRequest req) {
        String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String media = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw new Refusal(415, "unsupported-media-type",
                    "Send the request body as JSON with the header Content-Type: application/json.");
        }
        byte[] bytes = Forms.body(req);
        String text = Forms.utf8(bytes);
        if (text.isBlank()) throw new Refusal(400, "invalid-json", "The request body is empty; send a JSON object.");
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new Refusal(400, "invalid-json", "The request body is not valid JSON" + where + ".");
        } catch (IOException e) {
            throw new Refusal(400, "invalid-json", "The request body is not valid JSON.");
        }
        if (!(node instanceof ObjectNode o)) {
            throw new Refusal(400, "invalid-json", "The request body must be a JSON object, like {\"body\": \"…\"}.");
        }
        return new JsonBody(o);
    }

    /** A true/false field; false when absent or null. */
    boolean flag(String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) return false;
        if (!n.isBoolean()) {
            errors.put(field, field + " must be true or false.");
            return false;
        }
        return n.booleanValue();
    }

    /** A text field; null when absent or null. */
    String text(String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            errors.put(field, field + " must be a string.");
            return null;
        }
        String s = n.textValue();
        if (!wellFormed(s)) {
            errors.put(field, field + " is not valid Unicode text (a \\u escape names half of a surrogate pair).");
            return null;
        }
        return s;
    }

    /** JSON escapes can spell half a surrogate pair, which no UTF-8 text can hold; the strict decoder never lets one through. */
    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A positive id; null when absent or null. */
    Long id(String field) {
        JsonNode n = object.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() <= 0) {
            errors.put(field, field + " must be a comment id (a positive whole number).");
            return null;
        }
        return n.longValue();
    }

    /** A whole number that must be present. */
    Integer integer(String field, String message) {
        JsonNode n = object.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            errors.put(field, message);
            return null;
        }
        return n.intValue();
    }

    /** Refuses the request if any field had the wrong type. */
    void check() {
        if (!errors.isEmpty()) throw Refusal.invalid(errors);
    }
}

package dev.tribune.perspective;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One comments:analyze request, read the way Perspective reads it: the comment's text, the
 * attributes asked for (each with an optional threshold), the comment's languages, whether to
 * score sentences too, and the client's token to echo. Context, session and community ids are
 * accepted and ignored; nothing is ever stored, whatever doNotStore says.
 */
public record AnalyzeRequest(String text, Map<String, Double> attributes, List<String> languages,
                             boolean spanAnnotations, String clientToken) {
    /** Perspective refuses comments over 20 KB of UTF-8. */
    public static final int MAX_TEXT_BYTES = 20 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("comment", "requestedAttributes", "languages", "doNotStore",
            "spanAnnotations", "clientToken", "context", "sessionId", "communityId");

    /** Reads a request body; every problem is a {@link PerspectiveError} a Perspective client understands. */
    public static AnalyzeRequest parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw PerspectiveError.invalid(null, "Invalid JSON payload received: not valid JSON" + at + ".");
        }
        if (root == null || !root.isObject()) {
            throw PerspectiveError.invalid(null, "Invalid JSON payload received: the body must be a JSON object like "
                    + "{\"comment\": {\"text\": \"...\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}.");
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw PerspectiveError.invalid(null, "Invalid JSON payload received. Unknown name \"" + name
                        + "\": an AnalyzeComment request has no such field.");
            }
        }
        String text = commentText(root.get("comment"));
        Map<String, Double> attributes = attributes(root.get("requestedAttributes"));
        List<String> languages = strings(root.get("languages"), "languages");
        checkLanguages(languages, attributes.keySet().iterator().next());
        boolean spans = bool(root.get("spanAnnotations"), "spanAnnotations");
        bool(root.get("doNotStore"), "doNotStore");
        String token = string(root.get("clientToken"), "clientToken");
        string(root.get("sessionId"), "sessionId");
        string(root.get("communityId"), "communityId");
        JsonNode context = root.get("context");
        if (context != null && !context.isNull() && !context.isObject()) {
            throw PerspectiveError.invalid(null, "Invalid value at 'context': expected an object like {\"entries\": [...]}.");
        }
        return new AnalyzeRequest(text, attributes, languages, spans, token);
    }

    private static String commentText(JsonNode comment) {
        if (comment == null || comment.isNull()) throw PerspectiveError.invalid("COMMENT_EMPTY", "Comment must be non-empty: send comment.text.");
        if (!comment.isObject()) throw PerspectiveError.invalid(null, "Invalid value at 'comment': expected an object like {\"text\": \"...\"}.");
        String type = string(comment.get("type"), "comment.type");
        if (type != null && !type.equals("PLAIN_TEXT")) {
            throw PerspectiveError.invalid(null, "comment.type " + type + " is not supported: Tribune reads PLAIN_TEXT only.");
        }
        JsonNode t = comment.get("text");
        if (t != null && !t.isNull() && !t.isTextual()) throw PerspectiveError.invalid(null, "Invalid value at 'comment.text': expected a string.");
        String text = t == null || t.isNull() ? "" : t.asText();
        if (text.isBlank()) throw PerspectiveError.invalid("COMMENT_EMPTY", "Comment must be non-empty: comment.text is empty.");
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw PerspectiveError.invalid("COMMENT_TOO_LONG", "Comment text too long: " + bytes + " bytes of UTF-8, the limit is "
                    + MAX_TEXT_BYTES + " (20 KB).");
        }
        return text;
    }

    private static Map<String, Double> attributes(JsonNode requested) {
        if (requested == null || requested.isNull() || (requested.isObject() && requested.isEmpty())) {
            throw PerspectiveError.invalid(null, "requestedAttributes must name at least one attribute, like {\"TOXICITY\": {}}; "
                    + "Tribune scores " + Attributes.scoredList() + ".");
        }
        if (!requested.isObject()) throw PerspectiveError.invalid(null, "Invalid value at 'requestedAttributes': expected an object.");
        Map<String, Double> out = new LinkedHashMap<>();
        for (var fields = requested.fields(); fields.hasNext(); ) {
            var f = fields.next();
            String name = f.getKey();
            if (!Attributes.SCORED.containsKey(name)) {
                if (Attributes.NOT_SCORED.contains(name)) {
                    throw PerspectiveError.invalid("ATTRIBUTE_NOT_SUPPORTED", "Tribune has no model for " + name
                            + "; it scores " + Attributes.scoredList() + ".", Map.of("attribute", name));
                }
                throw PerspectiveError.invalid("INVALID_ATTRIBUTE", "Unknown attribute: " + name + ". Tribune scores "
                        + Attributes.scoredList() + ".", Map.of("attribute", name));
            }
            out.put(name, threshold(name, f.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The attribute's options: scoreType must be PROBABILITY; scoreThreshold, when given, lies in [0, 1]. */
    private static Double threshold(String name, JsonNode options) {
        if (options == null || options.isNull()) return null;
        if (!options.isObject()) throw PerspectiveError.invalid(null, "Invalid value at 'requestedAttributes." + name + "': expected an object, like {}.");
        for (var names = options.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!n.equals("scoreType") && !n.equals("scoreThreshold")) {
                throw PerspectiveError.invalid(null, "Invalid JSON payload received. Unknown name \"" + n + "\" at 'requestedAttributes."
                        + name + "': only scoreType and scoreThreshold are read.");
            }
        }
        String type = string(options.get("scoreType"), "requestedAttributes." + name + ".scoreType");
        if (type != null && !type.equals("PROBABILITY")) {
            throw PerspectiveError.invalid(null, "scoreType " + type + " is not supported for " + name + ": Tribune returns PROBABILITY scores only.");
        }
        JsonNode t = options.get("scoreThreshold");
        if (t == null || t.isNull()) return null;
        if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 1) {
            throw PerspectiveError.invalid(null, "Invalid value at 'requestedAttributes." + name + ".scoreThreshold': expected a number from 0 to 1.");
        }
        return t.asDouble();
    }

    /** Tribune's models read English; a request naming any other language is refused the way Perspective does. */
    private static void checkLanguages(List<String> languages, String firstAttribute) {
        List<String> unsupported = new ArrayList<>();
        for (String l : languages) {
            String base = l.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
            if (!Attributes.LANGUAGES.contains(base)) unsupported.add(l);
        }
        if (unsupported.isEmpty()) return;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("requestedLanguages", languages);
        detail.put("attribute", firstAttribute);
        throw PerspectiveError.invalid("LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE", "Attribute " + firstAttribute
                + " does not support request languages: " + String.join(",", unsupported) + ". Tribune scores English (en) only.",
                Map.of("languageNotSupportedByAttributeError", detail));
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw PerspectiveError.invalid(null, "Invalid value at '" + field + "': expected a list of language codes like [\"en\"].");
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isTextual()) throw PerspectiveError.invalid(null, "Invalid value at '" + field + "': expected a list of language codes like [\"en\"].");
            out.add(n.asText());
        }
        return List.copyOf(out);
    }

    private static boolean bool(JsonNode node, String field) {
        if (node == null || node.isNull()) return false;
        if (!node.isBoolean()) throw PerspectiveError.invalid(null, "Invalid value at '" + field + "': expected true or false.");
        return node.asBoolean();
    }

    private static String string(JsonNode node, String field) {
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) throw PerspectiveError.invalid(null, "Invalid value at '" + field + "': expected a string.");
        return node.asText();
    }
}

package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.TestTribune;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One browser talking JSON to a test Tribune's API: it keeps its cookies like a real one. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();

    final TestTribune t;
    final HttpClient http = TestTribune.browser();

    ApiClient(TestTribune t) {
        this.t = t;
    }

    /** An answer with its body read as JSON (null when there is none or it is not JSON). */
    record Answer(HttpResponse<String> raw, JsonNode json) {
        int status() { return raw.statusCode(); }

        String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        String contentType() { return header("Content-Type"); }

        /** The problem type's last part, as in https://tribune.dev/problems/not-found. */
        String problem() {
            return json == null || !json.has("type") ? null : json.get("type").asText().replace(Problems.TYPE_BASE, "");
        }

        String fieldError(String field) {
            JsonNode e = json == null ? null : json.path("errors").get(field);
            return e == null ? null : e.asText();
        }
    }

    Answer get(String path) throws Exception {
        return send("GET", path, (byte[]) null, Map.of());
    }

    Answer send(String method, String path, Object body) throws Exception {
        return send(method, path, body, Map.of());
    }

    Answer send(String method, String path, Object body, Map<String, String> headers) throws Exception {
        byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
        return send(method, path, bytes, headers);
    }

    Answer send(String method, String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(path))).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && !headers.containsKey("Content-Type")) b.header("Content-Type", "application/json");
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = null;
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json") && !r.body().isEmpty()) json = JSON.readTree(r.body());
        return new Answer(r, json);
    }

    /** Posts a comment to an article as this browser and returns the stored comment's JSON. */
    JsonNode comment(String slug, String name, String body, Long parentId) throws Exception {
        Map<String, Object> in = new java.util.HashMap<>(Map.of("name", name, "body", body));
        if (parentId != null) in.put("parentId", parentId);
        Answer a = send("POST", "/api/v1/articles/" + slug + "/comments", in);
        if (a.status() != 201) throw new AssertionError("posting failed: " + a.status() + " " + a.raw().body());
        return a.json();
    }

    Answer vote(long commentId, int value) throws Exception {
        return send("POST", "/api/v1/comments/" + commentId + "/vote", Map.of("value", value));
    }
}

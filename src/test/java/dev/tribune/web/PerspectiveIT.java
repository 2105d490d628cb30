package dev.tribune.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.OnEveryDatabase;
import dev.tribune.TestDatabase;
import dev.tribune.TestTribune;
import dev.tribune.Tribune;
import dev.tribune.identity.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The Perspective-compatible endpoint against a real server: scores, spans, keys and every refusal. */
@OnEveryDatabase
class PerspectiveIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestTribune t;
    static String key;
    @Parameter TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        t = TestTribune.start(database);
        key = cli("site", "api-key", "--site", t.site.host(), "--per-minute", "1000").strip();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        t.close();
    }

    /** Runs a tribune command against the test server's database; returns what it printed on stdout. */
    static String cli(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--database";
            all[args.length + 1] = t.app.settings.database();
            int code = new CommandLine(new Tribune()).execute(all);
            assertThat(code).as("exit code of tribune %s", String.join(" ", args)).isZero();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(stdout);
        }
    }

    record Answer(int status, String contentType, JsonNode body) {}

    static Answer send(String method, String query, String body) throws Exception {
        return sendTo(method, PerspectiveApi.PATH + query, body);
    }

    static Answer sendTo(String method, String pathAndQuery, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(pathAndQuery)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), JSON.readTree(r.body()));
    }

    static Answer analyze(String body) throws Exception {
        return send("POST", "?key=" + key, body);
    }

    static String request(String text, String attributes) {
        return "{\"comment\": {\"text\": " + JSON.valueToTree(text) + ", \"type\": \"PLAIN_TEXT\"}, \"requestedAttributes\": {"
                + attributes + "}, \"languages\": [\"en\"], \"doNotStore\": true, \"spanAnnotations\": true, \"clientToken\": \"tok-7\"}";
    }

    static double summary(Answer a, String attribute) {
        return a.body().path("attributeScores").path(attribute).path("summaryScore").path("value").asDouble(-1);
    }

    /** The Google error envelope: the HTTP code again, the google.rpc status and a message. */
    static JsonNode error(Answer a, int code, String status) {
        assertThat(a.status()).isEqualTo(code);
        assertThat(a.contentType()).startsWith("application/json");
        JsonNode e = a.body().path("error");
        assertThat(e.path("code").asInt()).isEqualTo(code);
        assertThat(e.path("status").asText()).isEqualTo(status);
        assertThat(e.path("message").asText()).isNotBlank();
        return e;
    }

    static long comments() {
        return t.app.db.read(h -> h.createQuery("select count(*) from comment").mapTo(Long.class).one());
    }

    @Test
    void scoresEveryAttributeWithSentenceSpans() throws Exception {
        String text = "Thanks for the thorough reporting on the harbour budget. You are a pathetic idiot and a moron! "
                + "I will find you and hurt you.";
        long before = comments();
        Answer a = analyze(request(text, "\"TOXICITY\": {}, \"INSULT\": {\"scoreType\": \"PROBABILITY\"}, \"THREAT\": {}, "
                + "\"IDENTITY_ATTACK\": {}, \"PROFANITY\": {}, \"SPAM\": {}"));
        assertThat(a.status()).isEqualTo(200);
        JsonNode scores = a.body().path("attributeScores");
        assertThat(scores.size()).isEqualTo(6);
        for (String attribute : new String[] {"TOXICITY", "INSULT", "THREAT", "IDENTITY_ATTACK", "PROFANITY", "SPAM"}) {
            JsonNode s = scores.path(attribute);
            assertThat(s.path("summaryScore").path("type").asText()).isEqualTo("PROBABILITY");
            assertThat(s.path("summaryScore").path("value").asDouble(-1)).isBetween(0.0, 1.0);
            JsonNode spans = s.path("spanScores");
            assertThat(spans.size()).as(attribute + " spans").isEqualTo(3);
            int previousEnd = 0;
            for (JsonNode span : spans) {
                int begin = span.path("begin").asInt(-1);
                int end = span.path("end").asInt(-1);
                assertThat(begin).isEqualTo(previousEnd);
                assertThat(end).isGreaterThan(begin).isLessThanOrEqualTo(text.length());
                assertThat(span.path("score").path("value").asDouble(-1)).isBetween(0.0, 1.0);
                previousEnd = end;
            }
            assertThat(previousEnd).isEqualTo(text.length());
        }
        // the insulting sentence is the one the insult head marks; the threat, the threat head
        JsonNode insultSpans = scores.path("INSULT").path("spanScores");
        assertThat(text.substring(insultSpans.get(1).path("begin").asInt(), insultSpans.get(1).path("end").asInt())).contains("idiot");
        assertThat(insultSpans.get(1).path("score").path("value").asDouble()).isGreaterThan(insultSpans.get(0).path("score").path("value").asDouble());
        JsonNode threatSpans = scores.path("THREAT").path("spanScores");
        assertThat(threatSpans.get(2).path("score").path("value").asDouble()).isGreaterThan(threatSpans.get(0).path("score").path("value").asDouble());
        assertThat(a.body().path("languages").toString()).isEqualTo("[\"en\"]");
        assertThat(a.body().path("detectedLanguages").toString()).isEqualTo("[\"en\"]");
        assertThat(a.body().path("clientToken").asText()).isEqualTo("tok-7");
        assertThat(comments()).as("nothing is stored").isEqualTo(before);
    }

    @Test
    void anInsultScoresHigherOnInsultThanACivilSentence() throws Exception {
        double insult = summary(analyze(request("You are a worthless idiot and a disgusting pig.", "\"INSULT\": {}")), "INSULT");
        double civil = summary(analyze(request("The council will vote on the new ferry timetable next week.", "\"INSULT\": {}")), "INSULT");
        assertThat(insult).isGreaterThan(civil + 0.3);
        double profane = summary(analyze(request("What the fuck is this shit?", "\"PROFANITY\": {}")), "PROFANITY");
        double plain = summary(analyze(request("What is this plan about?", "\"PROFANITY\": {}")), "PROFANITY");
        assertThat(profane).isGreaterThan(plain);
    }

    @Test
    void thresholdsLeaveOutLowScoresAndSpansAreOptional() throws Exception {
        Answer a = analyze("{\"comment\": {\"text\": \"The ferry leaves at nine.\"}, \"requestedAttributes\": "
                + "{\"TOXICITY\": {\"scoreThreshold\": 0.99}, \"INSULT\": {}}}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("attributeScores").has("TOXICITY")).isFalse();
        assertThat(a.body().path("attributeScores").path("INSULT").has("spanScores")).isFalse();
        assertThat(a.body().path("attributeScores").path("INSULT").has("summaryScore")).isTrue();
        assertThat(a.body().has("clientToken")).isFalse();
    }

    @Test
    void keysAreRequiredAndMustBeValid() throws Exception {
        String body = request("Hello there, neighbours.", "\"TOXICITY\": {}");
        error(send("POST", "", body), 403, "PERMISSION_DENIED");
        JsonNode bad = error(send("POST", "?key=trb_not-a-key", body), 400, "INVALID_ARGUMENT");
        assertThat(bad.path("message").asText()).contains("API key not valid");
        assertThat(bad.path("details").get(0).path("reason").asText()).isEqualTo("API_KEY_INVALID");
        // the header Google's clients may use instead of ?key=
        HttpResponse<String> viaHeader = HTTP.send(HttpRequest.newBuilder(URI.create(t.url(PerspectiveApi.PATH)))
                .header("X-Goog-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaHeader.statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyStopsWorking() throws Exception {
        String k = cli("site", "api-key", "--site", t.site.host()).strip();
        String body = request("Hello there, neighbours.", "\"TOXICITY\": {}");
        assertThat(send("POST", "?key=" + k, body).status()).isEqualTo(200);
        String listed = cli("site", "api-key", "--site", t.site.host(), "--list");
        String prefix = k.substring(0, 12);
        assertThat(listed).contains(prefix).doesNotContain(k);
        assertThat(cli("site", "api-key", "--site", t.site.host(), "--revoke", prefix + "…")).contains("revoked " + prefix);
        error(send("POST", "?key=" + k, body), 400, "INVALID_ARGUMENT");
        assertThat(cli("site", "api-key", "--site", t.site.host(), "--list")).doesNotContain(prefix);
    }

    @Test
    void keysAreStoredOnlyAsHashes() {
        String stored = t.app.db.read(h -> h.createQuery("select key_hash || ' ' || prefix from api_key").mapTo(String.class).list()).toString();
        assertThat(stored).doesNotContain(key).contains(key.substring(0, 12));
    }

    @Test
    void aKeyOpensNothingButScoring() throws Exception {
        for (String path : new String[] {"/admin", "/admin/queue", "/api/v1/me"}) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(t.url(path + "?key=" + key)))
                    .header("Authorization", "Bearer " + key).header("X-Goog-Api-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isNotEqualTo(200);
        }
    }

    @Test
    void badRequestsGetGoogleErrors() throws Exception {
        error(analyze("{\"comment\": {\"text\": "), 400, "INVALID_ARGUMENT");
        JsonNode empty = error(analyze("{\"comment\": {\"text\": \"\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}"), 400, "INVALID_ARGUMENT");
        assertThat(empty.path("details").get(0).path("errorType").asText()).isEqualTo("COMMENT_EMPTY");
        JsonNode tooLong = error(analyze(request("word ".repeat(4200), "\"TOXICITY\": {}")), 400, "INVALID_ARGUMENT");
        assertThat(tooLong.path("details").get(0).path("errorType").asText()).isEqualTo("COMMENT_TOO_LONG");
        JsonNode unknown = error(analyze(request("Hello.", "\"NICENESS\": {}")), 400, "INVALID_ARGUMENT");
        assertThat(unknown.path("message").asText()).contains("Unknown attribute: NICENESS");
        JsonNode severe = error(analyze(request("Hello.", "\"SEVERE_TOXICITY\": {}")), 400, "INVALID_ARGUMENT");
        assertThat(severe.path("message").asText()).contains("SEVERE_TOXICITY").contains("TOXICITY, INSULT, THREAT, IDENTITY_ATTACK, PROFANITY");
        JsonNode german = error(analyze("{\"comment\": {\"text\": \"Du bist dumm.\"}, \"requestedAttributes\": {\"INSULT\": {}}, \"languages\": [\"de\"]}"),
                400, "INVALID_ARGUMENT");
        assertThat(german.path("details").get(0).path("errorType").asText()).isEqualTo("LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE");
        assertThat(german.path("message").asText()).contains("INSULT").contains("de");
        Answer get = send("GET", "?key=" + key, null);
        error(get, 405, "UNIMPLEMENTED");
        error(sendTo("POST", "/v1alpha1/comments:suggestscore?key=" + key, "{}"), 404, "NOT_FOUND");
    }

    @Test
    void eachKeyHasItsOwnRateLimit() throws Exception {
        String slow = t.app.apiKeys.create(t.site.id(), 3).secret();
        String body = request("Hello there, neighbours.", "\"TOXICITY\": {}");
        Answer last = null;
        // three a minute: within ten requests at most one minute boundary passes, so one must be refused
        for (int i = 0; i < 10; i++) {
            last = send("POST", "?key=" + slow, body);
            if (last.status() == 429) break;
            assertThat(last.status()).isEqualTo(200);
        }
        JsonNode e = error(last, 429, "RESOURCE_EXHAUSTED");
        assertThat(e.path("message").asText()).contains("3 requests per minute");
        assertThat(analyze(body).status()).as("another key is not held back").isEqualTo(200);
        assertThat(ApiKeys.DEFAULT_PER_MINUTE).isEqualTo(60);
    }
}

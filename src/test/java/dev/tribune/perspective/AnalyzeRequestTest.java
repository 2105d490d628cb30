package dev.tribune.perspective;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzeRequestTest {
    static PerspectiveError refusal(String body) {
        try {
            AnalyzeRequest.parse(body);
        } catch (PerspectiveError e) {
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }

    @SuppressWarnings("unchecked")
    static String errorType(PerspectiveError e) {
        Map<String, Object> error = (Map<String, Object>) e.body().get("error");
        List<Map<String, Object>> details = (List<Map<String, Object>>) error.get("details");
        return details == null ? null : (String) details.get(0).get("errorType");
    }

    @Test
    void readsAFullPerspectiveRequest() {
        AnalyzeRequest r = AnalyzeRequest.parse("""
                {"comment": {"text": "You are wrong.", "type": "PLAIN_TEXT"},
                 "context": {"entries": [{"text": "Earlier comment", "type": "PLAIN_TEXT"}]},
                 "requestedAttributes": {"TOXICITY": {"scoreType": "PROBABILITY", "scoreThreshold": 0.4}, "INSULT": {}},
                 "languages": ["en"], "doNotStore": true, "spanAnnotations": true,
                 "clientToken": "abc-1", "sessionId": "s1", "communityId": "c1"}""");
        assertThat(r.text()).isEqualTo("You are wrong.");
        assertThat(r.attributes().keySet()).containsExactly("TOXICITY", "INSULT");
        assertThat(r.attributes().get("TOXICITY")).isEqualTo(0.4);
        assertThat(r.attributes().get("INSULT")).isNull();
        assertThat(r.languages()).containsExactly("en");
        assertThat(r.spanAnnotations()).isTrue();
        assertThat(r.clientToken()).isEqualTo("abc-1");
    }

    @Test
    void theSmallestRequestNeedsOnlyTextAndOneAttribute() {
        AnalyzeRequest r = AnalyzeRequest.parse("{\"comment\":{\"text\":\"hi there\"},\"requestedAttributes\":{\"PROFANITY\":null}}");
        assertThat(r.attributes()).containsOnlyKeys("PROFANITY");
        assertThat(r.languages()).isEmpty();
        assertThat(r.spanAnnotations()).isFalse();
        assertThat(r.clientToken()).isNull();
        assertThat(AnalyzeRequest.parse("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{}},\"languages\":[\"en-GB\"]}")
                .languages()).containsExactly("en-GB");
    }

    @Test
    void badJsonIsAnInvalidArgument() {
        PerspectiveError e = refusal("{\"comment\": ");
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.status()).isEqualTo("INVALID_ARGUMENT");
        assertThat(e.getMessage()).startsWith("Invalid JSON payload received");
        assertThat(refusal("[1, 2]").getMessage()).contains("JSON object");
        assertThat(refusal("").code()).isEqualTo(400);
        assertThat(refusal("{\"comment\":{\"text\":\"a\"},\"comment\":{\"text\":\"b\"},\"requestedAttributes\":{\"TOXICITY\":{}}}").code()).isEqualTo(400);
    }

    @Test
    void unknownFieldsAreNamed() {
        PerspectiveError e = refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{}},\"colour\":1}");
        assertThat(e.getMessage()).contains("Unknown name \"colour\"");
        assertThat(refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{\"treshold\":1}}}").getMessage())
                .contains("\"treshold\"");
    }

    @Test
    void aCommentNeedsText() {
        assertThat(errorType(refusal("{\"requestedAttributes\":{\"TOXICITY\":{}}}"))).isEqualTo("COMMENT_EMPTY");
        assertThat(errorType(refusal("{\"comment\":{\"text\":\"  \"},\"requestedAttributes\":{\"TOXICITY\":{}}}"))).isEqualTo("COMMENT_EMPTY");
        assertThat(refusal("{\"comment\":{\"text\":5},\"requestedAttributes\":{\"TOXICITY\":{}}}").getMessage()).contains("comment.text");
        assertThat(refusal("{\"comment\":{\"text\":\"<b>hi</b>\",\"type\":\"HTML\"},\"requestedAttributes\":{\"TOXICITY\":{}}}")
                .getMessage()).contains("PLAIN_TEXT");
    }

    @Test
    void textOver20KilobytesIsTooLong() {
        String ok = "a".repeat(AnalyzeRequest.MAX_TEXT_BYTES);
        assertThat(AnalyzeRequest.parse(request(ok)).text()).hasSize(20480);
        PerspectiveError e = refusal(request(ok + "b"));
        assertThat(errorType(e)).isEqualTo("COMMENT_TOO_LONG");
        // the limit is in bytes: 7,000 three-byte characters are 21,000 bytes
        assertThat(errorType(refusal(request("€".repeat(7000))))).isEqualTo("COMMENT_TOO_LONG");
    }

    static String request(String text) {
        return "{\"comment\":{\"text\":\"" + text + "\"},\"requestedAttributes\":{\"TOXICITY\":{}}}";
    }

    @Test
    void attributesMustBeAskedForAndScorable() {
        assertThat(refusal("{\"comment\":{\"text\":\"hi\"}}").getMessage()).contains("requestedAttributes").contains("TOXICITY, INSULT");
        assertThat(refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{}}").code()).isEqualTo(400);
        PerspectiveError unknown = refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"NICENESS\":{}}}");
        assertThat(unknown.getMessage()).startsWith("Unknown attribute: NICENESS");
        PerspectiveError severe = refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{},\"SEVERE_TOXICITY\":{}}}");
        assertThat(errorType(severe)).isEqualTo("ATTRIBUTE_NOT_SUPPORTED");
        assertThat(severe.getMessage()).contains("SEVERE_TOXICITY").contains("TOXICITY, INSULT, THREAT, IDENTITY_ATTACK, PROFANITY");
    }

    @Test
    void onlyProbabilitiesBetweenZeroAndOne() {
        assertThat(refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{\"scoreType\":\"PERCENTILE\"}}}")
                .getMessage()).contains("PROBABILITY");
        assertThat(refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{\"scoreThreshold\":1.5}}}")
                .getMessage()).contains("scoreThreshold");
        assertThat(refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{\"scoreThreshold\":\"high\"}}}")
                .code()).isEqualTo(400);
    }

    @Test
    void otherLanguagesAreRefusedPerAttribute() {
        PerspectiveError e = refusal("{\"comment\":{\"text\":\"Du bist dumm\"},\"requestedAttributes\":{\"INSULT\":{}},\"languages\":[\"de\"]}");
        assertThat(errorType(e)).isEqualTo("LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE");
        assertThat(e.getMessage()).startsWith("Attribute INSULT does not support request languages: de");
        assertThat(refusal("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{}},\"languages\":\"en\"}").code()).isEqualTo(400);
    }

    @Test
    void flagsAndTokensHaveTheirTypes() {
        assertThatThrownBy(() -> AnalyzeRequest.parse("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{}},\"spanAnnotations\":\"yes\"}"))
                .isInstanceOf(PerspectiveError.class).hasMessageContaining("spanAnnotations");
        assertThatThrownBy(() -> AnalyzeRequest.parse("{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{}},\"clientToken\":7}"))
                .isInstanceOf(PerspectiveError.class).hasMessageContaining("clientToken");
    }
}

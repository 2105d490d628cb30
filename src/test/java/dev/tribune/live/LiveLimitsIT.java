package dev.tribune.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.TestTribune;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-node cap on streams and the end of quiet streams, on a server with small limits. */
class LiveLimitsIT {
    static TestTribune t;

    @BeforeAll
    static void start() {
        t = TestTribune.start(new LiveSettings(2, Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stop() { t.close(); }

    @Test
    void overTheCapANodeAnswers503WithRetryAfterAndTakesReadersAgainOnceOneLeaves() throws Exception {
        String url = t.url("/live/discussions/" + t.discussionId());
        try (SseClient a = SseClient.open(url, null); SseClient b = SseClient.open(url, null)) {
            assertThat(a.next(Duration.ofSeconds(5)).name()).isEqualTo("ready");
            assertThat(b.next(Duration.ofSeconds(5)).name()).isEqualTo("ready");
            try (SseClient c = SseClient.open(url, null)) {
                assertThat(c.status()).isEqualTo(503);
                assertThat(c.response.headers().firstValue("Retry-After")).isPresent();
                assertThat(c.response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/problem+json");
            }
        }
        // The two streams are closed; the node notices when it next writes to them (a heartbeat).
        SseClient again = null;
        for (int i = 0; i < 50 && (again == null || again.status() != 200); i++) {
            if (again != null) again.close();
            Thread.sleep(200);
            again = SseClient.open(url, null);
        }
        try (SseClient c = again) {
            assertThat(c.status()).isEqualTo(200);
        }
    }

    @Test
    void aQuietStreamIsEndedAndTheReaderCanReconnect() throws Exception {
        String url = t.url("/live/discussions/" + t.discussionId());
        // The other test's last streams hold their slots until the node's next heartbeat notices them gone.
        SseClient opened = SseClient.open(url, null);
        for (int i = 0; i < 50 && opened.status() != 200; i++) {
            opened.close();
            Thread.sleep(200);
            opened = SseClient.open(url, null);
        }
        try (SseClient quiet = opened) {
            SseClient.Event ready = quiet.next(Duration.ofSeconds(5));
            assertThat(ready.name()).isEqualTo("ready");
            String last = new ObjectMapper().readTree(ready.data()).get("lastEventId").asText();
            SseClient.Event end = quiet.next(Duration.ofSeconds(30));
            assertThat(SseClient.isEnd(end)).as("the server ended the quiet stream").isTrue();
            try (SseClient back = SseClient.open(url, last)) {
                assertThat(back.status()).isEqualTo(200);
            }
        }
    }
}

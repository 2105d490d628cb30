package dev.tribune.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tribune.TestTribune;
import dev.tribune.domain.CommentStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Live updates through a real server: what a reader's stream receives, replays and never receives. */
class LiveStreamsIT {
    /** The issue asks for delivery within a second; waits for events that must not come are shorter. */
    static final Duration PROMPTLY = Duration.ofSeconds(1);
    static final Duration SETTLE = Duration.ofMillis(700);
    static final ObjectMapper JSON = new ObjectMapper();
    static TestTribune t;

    @BeforeAll
    static void start() { t = TestTribune.start(); }

    @AfterAll
    static void stop() { t.close(); }

    static String stream() { return t.url("/live/discussions/" + t.discussionId()); }

    static long post(HttpClient browser, String name, String body) throws Exception {
        HttpResponse<String> r = t.postForm(browser, "/articles/harbour-story/comments",
                "name=" + enc(name) + "&body=" + enc(body));
        assertThat(r.statusCode()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().substring("/c/".length()));
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static JsonNode ready(SseClient c) throws Exception {
        SseClient.Event e = c.next(Duration.ofSeconds(5));
        assertThat(e).isNotNull();
        assertThat(e.name()).isEqualTo("ready");
        return JSON.readTree(e.data());
    }

    @Test
    void aCommentPostedByAnotherReaderArrivesOnTheStreamRendered() throws Exception {
        try (SseClient reader = SseClient.open(stream(), null)) {
            assertThat(reader.status()).isEqualTo(200);
            assertThat(reader.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            int before = ready(reader).get("commentCount").asInt();

            long id = post(TestTribune.browser(), "Ines", "The *ferry* is late again.");

            SseClient.Event e = reader.nextExcept(PROMPTLY, "comment.voted");
            assertThat(e).as("the new comment within a second").isNotNull();
            assertThat(e.name()).isEqualTo("comment.published");
            assertThat(Long.parseLong(e.id())).isPositive();
            JsonNode d = JSON.readTree(e.data());
            assertThat(d.get("id").asLong()).isEqualTo(id);
            assertThat(d.get("html").asText()).isEqualTo("<p>The <em>ferry</em> is late again.</p>");
            assertThat(d.get("author").get("name").asText()).isEqualTo("Ines");
            assertThat(d.get("parentId").isNull()).isTrue();
            assertThat(d.get("number").asInt()).isPositive();
            assertThat(d.get("commentCount").asInt()).isEqualTo(before + 1);
        }
    }

    @Test
    void reconnectingWithLastEventIdReplaysExactlyWhatWasMissedThenGoesLive() throws Exception {
        HttpClient writer = TestTribune.browser();
        HttpClient voter = TestTribune.browser();
        String lastSeen;
        long first;
        try (SseClient reader = SseClient.open(stream(), null)) {
            ready(reader);
            first = post(writer, "Ola", "First, while I was reading.");
            SseClient.Event e = reader.nextExcept(PROMPTLY, "comment.voted");
            assertThat(JSON.readTree(e.data()).get("id").asLong()).isEqualTo(first);
            lastSeen = e.id();
        }
        // While the reader is away: two comments, an edit, a vote.
        long second = post(writer, "Ola", "Second, missed.");
        long third = post(writer, "Piet", "Third, missed.");
        assertThat(t.postForm(writer, "/c/" + second + "/edit", "body=" + enc("Second, edited.")).statusCode()).isEqualTo(303);
        assertThat(t.postForm(voter, "/c/" + first + "/vote", "value=1").statusCode()).isEqualTo(303);

        try (SseClient back = SseClient.open(stream(), lastSeen)) {
            ready(back);
            List<String> got = new ArrayList<>();
            long previous = Long.parseLong(lastSeen);
            for (int i = 0; i < 4; i++) {
                SseClient.Event e = back.next(PROMPTLY);
                assertThat(e).as("replayed event " + (i + 1)).isNotNull();
                assertThat(Long.parseLong(e.id())).isGreaterThan(previous);
                previous = Long.parseLong(e.id());
                got.add(e.name() + " " + JSON.readTree(e.data()).get("id").asLong());
            }
            assertThat(got).containsExactly("comment.published " + second, "comment.published " + third,
                    "comment.edited " + second, "comment.voted " + first);
            assertThat(back.next(SETTLE)).as("nothing repeated or extra").isNull();

            long fourth = post(writer, "Piet", "Fourth, live again.");
            SseClient.Event live = back.next(PROMPTLY);
            assertThat(live.name()).isEqualTo("comment.published");
            assertThat(JSON.readTree(live.data()).get("id").asLong()).isEqualTo(fourth);
        }

        // The page's first connection passes the id in the query instead of the header.
        try (SseClient viaQuery = SseClient.open(stream() + "?lastEventId=" + lastSeen, null)) {
            ready(viaQuery);
            assertThat(JSON.readTree(viaQuery.next(PROMPTLY).data()).get("id").asLong()).isEqualTo(second);
        }
    }

    @Test
    void heldCommentsNeverReachTheStreamUntilAModeratorPublishesThem() throws Exception {
        long d = t.discussionId();
        HttpClient writer = TestTribune.browser();
        try (SseClient reader = SseClient.open(stream(), null)) {
            ready(reader);
            t.app.discussions.setPremoderated(d, true);
            long held = post(writer, "Quinn", "HELD-TEXT needs a look.");
            long rejected = post(writer, "Quinn", "REJECTED-TEXT never shown.");
            t.app.comments.moderate(rejected, CommentStatus.REJECTED, "off topic");
            t.app.discussions.setPremoderated(d, false);
            long shown = post(writer, "Rosa", "Published straight away.");

            SseClient.Event e = reader.nextExcept(PROMPTLY, "comment.voted");
            assertThat(e.name()).isEqualTo("comment.published");
            assertThat(JSON.readTree(e.data()).get("id").asLong()).isEqualTo(shown);
            assertThat(reader.next(SETTLE)).isNull();

            t.app.comments.moderate(held, CommentStatus.PUBLISHED, "fine");
            SseClient.Event approved = reader.next(PROMPTLY);
            assertThat(approved.name()).isEqualTo("comment.published");
            assertThat(approved.data()).contains("HELD-TEXT");
            assertThat(JSON.readTree(approved.data()).get("id").asLong()).isEqualTo(held);
        }
        // A full replay of the discussion never carries the rejected text.
        try (SseClient replay = SseClient.open(stream(), "0")) {
            ready(replay);
            SseClient.Event e;
            while ((e = replay.next(SETTLE)) != null) assertThat(e.data()).doesNotContain("REJECTED-TEXT");
        }
    }

    @Test
    void votesAndRemovalsCarryTheNewScoreAndCount() throws Exception {
        HttpClient writer = TestTribune.browser();
        long id = post(writer, "Sam", "Vote on me.");
        try (SseClient reader = SseClient.open(stream(), null)) {
            int count = ready(reader).get("commentCount").asInt();
            assertThat(t.postForm(TestTribune.browser(), "/c/" + id + "/vote", "value=-1").statusCode()).isEqualTo(303);
            SseClient.Event vote = reader.next(PROMPTLY);
            assertThat(vote.name()).isEqualTo("comment.voted");
            assertThat(JSON.readTree(vote.data()).get("score").asInt()).isEqualTo(-1);

            assertThat(t.postForm(writer, "/c/" + id + "/delete", "confirm=1").statusCode()).isEqualTo(303);
            SseClient.Event removed = reader.next(PROMPTLY);
            assertThat(removed.name()).isEqualTo("comment.removed");
            JsonNode d = JSON.readTree(removed.data());
            assertThat(d.get("id").asLong()).isEqualTo(id);
            assertThat(d.get("commentCount").asInt()).isEqualTo(count - 1);
            assertThat(d.get("deleted").asBoolean()).isTrue();
        }
    }

    @Test
    void anUnknownDiscussionIsNotFound() throws Exception {
        try (SseClient c = SseClient.open(t.url("/live/discussions/987654"), null)) {
            assertThat(c.status()).isEqualTo(404);
        }
    }
}

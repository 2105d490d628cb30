package dev.tribune.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test reader of one Server-Sent Events stream: parses events as they arrive, on its own thread. */
public final class SseClient implements AutoCloseable {
    /** One event as a browser's EventSource would see it (heartbeats are not events), and when it arrived (System.nanoTime). */
    public record Event(String id, String name, String data, long receivedAt) {}

    private static final Event END = new Event(null, "(end of stream)", null, 0);

    public final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens a stream; lastEventId (may be null) is sent as the Last-Event-ID header. */
    public static SseClient open(String url, String lastEventId) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) r.header("Last-Event-ID", lastEventId);
        HttpResponse<Stream<String>> res = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(res);
    }

    public int status() { return response.statusCode(); }

    private void read() {
        if (response.statusCode() != 200) {
            events.add(END);
            return;
        }
        String id = null, name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) events.add(new Event(id, name == null ? "message" : name, data.toString(), System.nanoTime()));
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    // heartbeat
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (Exception closed) {
            // the test closed the stream
        }
        events.add(END);
    }

    /** The next event within wait, or null when none came; END_OF_STREAM's name when the server ended it. */
    public Event next(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event that is not of the given kinds (e.g. skip votes), within wait. */
    public Event nextExcept(Duration wait, String... kinds) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            Event e = next(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
            if (e == null || !java.util.Arrays.asList(kinds).contains(e.name())) return e;
        }
    }

    public static boolean isEnd(Event e) { return e == END; }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}

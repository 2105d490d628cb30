package dev.tribune.web;

import dev.tribune.discussion.Discussions;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import dev.tribune.live.Hub;
import dev.tribune.live.LiveEvent;
import dev.tribune.live.Subscription;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * GET /live/discussions/{id}: a Server-Sent Events stream of what readers see change in a
 * discussion. Each stream holds one virtual thread that sleeps on its queue between events.
 */
public final class LiveStreams implements HttpService {
    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    private final Hub hub;
    private final Discussions discussions;
    private final Visitors visitors;

    public LiveStreams(Hub hub, Discussions discussions, Visitors visitors) {
        this.hub = hub;
        this.discussions = discussions;
        this.visitors = visitors;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/live/discussions/{id}", this::stream);
    }

    private void stream(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("id");
        Long id = ArticlePages.parseId(raw);
        long siteId = visitors.site(req).id();
        Discussion d = id == null ? null : discussions.byId(id).filter(x -> x.siteId() == siteId).orElse(null);
        if (d == null) throw Refusal.notFound("There is no discussion " + raw + ".");
        Long lastEventId = ArticlePages.parseId(req.headers().first(LAST_EVENT_ID)
                .orElseGet(() -> Responses.query(req, "lastEventId")));

        Subscription s;
        try {
            s = hub.subscribe(d.id(), lastEventId);
        } catch (Hub.Full full) {
            busy(res);
            return;
        }
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header("X-Accel-Buffering", "no");
        try (s; SseSink sink = res.sink(SseSink.TYPE)) {
            // Read after joining, so the count covers every event the stream will not send; a fresh stream's count
            // was read with its starting event, so it does not also cover one the stream will send.
            Discussion now = discussions.byId(d.id()).orElse(d);
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("commentCount", s.commentCountAtStart() >= 0 ? s.commentCountAtStart() : now.commentCount());
            ready.put("open", now.open());
            ready.put("lastEventId", s.startedAt());
            ready.put("reload", s.tooFarBehind());
            // Spread reconnections out so a restarted node is not hit by every reader at once.
            sink.emit(SseEvent.builder().name("ready").data(new String(Responses.write(ready), java.nio.charset.StandardCharsets.UTF_8))
                    .reconnectDelay(Duration.ofMillis(1000 + ThreadLocalRandom.current().nextInt(4000))).build());
            serve(s, sink);
        } catch (UncheckedIOException gone) {
            // the reader went away; the heartbeat is how we notice
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Subscription s, SseSink sink) throws InterruptedException {
        Duration beat = hub.settings().heartbeat();
        long idleMillis = hub.settings().idleTimeout().toMillis();
        long lastEvent = System.currentTimeMillis();
        while (true) {
            long quiet = System.currentTimeMillis() - lastEvent;
            if (quiet >= idleMillis) return;
            LiveEvent e = s.next(Duration.ofMillis(Math.min(beat.toMillis(), idleMillis - quiet)));
            if (s.ended()) return;
            if (e == null) {
                if (System.currentTimeMillis() - lastEvent < idleMillis) sink.emit(SseEvent.builder().comment("").build());
                continue;
            }
            sink.emit(SseEvent.builder().id(Long.toString(e.id())).name(e.kind()).data(e.data()).build());
            lastEvent = System.currentTimeMillis();
        }
    }

    private static void busy(ServerResponse res) {
        res.status(Status.SERVICE_UNAVAILABLE_503);
        res.header(HeaderNames.RETRY_AFTER, Integer.toString(10 + ThreadLocalRandom.current().nextInt(20)));
        res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
        Responses.noStore(res);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_BASE + "live-busy");
        body.put("title", "Service Unavailable");
        body.put("status", 503);
        body.put("detail", "This server holds as many live streams as it is allowed to; the page will try again shortly.");
        res.send(Responses.write(body));
    }
}

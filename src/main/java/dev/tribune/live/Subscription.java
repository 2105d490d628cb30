package dev.tribune.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One reader's stream of a discussion: first the events it missed, then what the hub hands it.
 * Its queue is bounded; a reader too slow to keep up is ended and replays from the table on reconnect.
 */
public final class Subscription implements AutoCloseable {
    static final int QUEUE = 256;

    private final Hub hub;
    final Hub.Channel channel;
    private final ArrayDeque<LiveEvent> missed = new ArrayDeque<>();
    private final BlockingQueue<LiveEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean ended;
    private volatile boolean tooFarBehind;
    private long delivered;
    private long startedAt;
    private int commentCountAtStart = -1;

    Subscription(Hub hub, Hub.Channel channel, long delivered) {
        this.hub = hub;
        this.channel = channel;
        this.delivered = delivered;
    }

    void startAt(long cursor) { this.startedAt = cursor; }

    void countAtStart(int commentCount) { this.commentCountAtStart = commentCount; }

    /** A reader with nothing to resume from gets only what comes after this event. */
    void skipThrough(long eventId) { this.delivered = Math.max(delivered, eventId); }

    void replay(List<LiveEvent> events) { missed.addAll(events); }

    void markTooFarBehind() { tooFarBehind = true; }

    /** Called by the hub while fanning out; never blocks the hub. */
    void offer(LiveEvent e) {
        if (!queue.offer(e)) end();
    }

    void end() {
        ended = true;
        // Wake a reader waiting on an empty queue; a full queue wakes it anyway.
        queue.offer(new LiveEvent(Long.MAX_VALUE, channel.discussionId, "end", "{}"));
    }

    public long discussionId() { return channel.discussionId; }

    /** The id of the last event the stream stood at when it opened: what it shows is up to date to here. */
    public long startedAt() { return startedAt; }

    /**
     * The discussion's published comment count as of {@link #startedAt()} for a stream opened without
     * Last-Event-ID (what the page should show before the stream's first event), else -1.
     */
    public int commentCountAtStart() { return commentCountAtStart; }

    /** True when more events were missed than a replay sends: the page should reload the thread instead. */
    public boolean tooFarBehind() { return tooFarBehind; }

    /** True once the stream should close: the node shuts down or the reader fell too far behind. */
    public boolean ended() { return ended; }

    /** The next event to send, or null when none came within wait (time for a heartbeat). */
    public LiveEvent next(Duration wait) throws InterruptedException {
        while (true) {
            LiveEvent e = missed.isEmpty() ? null : missed.poll();
            if (e == null) {
                if (ended) return null;
                e = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (e == null || ended) return null;
            }
            if (e.id() <= delivered) continue;
            delivered = e.id();
            return e;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) hub.leave(this);
    }
}

package dev.tribune.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The node's live hub: one channel per watched discussion. A wake-up makes the channel read the
 * events after the last one it delivered (one query, whatever the number of readers) and hand
 * them to every subscriber. Wake-ups come from this node's commits and, through the bridge, from
 * other nodes'. The hub also passes every change it hears on to the node's caches
 * ({@link #whenHeard}), so that what one node changed, every node stops remembering.
 */
public final class Hub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    static final int BATCH = 500;
    /** Past this many missed events a reconnecting page reloads its thread rather than replaying them. */
    static final int REPLAY_LIMIT = 1000;
    private static final long SWEEP_SECONDS = 5;

    /** More streams are open on this node than its cap allows. */
    public static final class Full extends RuntimeException {
        Full() { super("live stream cap reached", null, false, false); }
    }

    /** The readers of one discussion on this node and how far they have been served. */
    static final class Channel {
        final long discussionId;
        final ReentrantLock lock = new ReentrantLock();
        final Set<Subscription> subscribers = new HashSet<>();
        final AtomicInteger wakes = new AtomicInteger();
        long cursor;
        boolean closed;

        Channel(long discussionId, long cursor) {
            this.discussionId = discussionId;
            this.cursor = cursor;
        }
    }

    private final EventFeed feed;
    private final Bridge bridge;
    private final LiveSettings settings;
    private final ConcurrentHashMap<Long, Channel> channels = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> hearers = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService sweeper;
    private volatile boolean closing;

    public Hub(EventFeed feed, Bridge bridge, LiveSettings settings) {
        this.feed = feed;
        this.bridge = bridge;
        this.settings = settings;
        bridge.start(this::heard);
        if (bridge.crossNode()) {
            // A wake-up from another node can be lost (a dropped listener connection, a node dying
            // between its commit and its NOTIFY); a slow sweep bounds how late such events arrive.
            sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("live-sweep").daemon().factory());
            sweeper.scheduleWithFixedDelay(() -> woken(-1), SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        } else {
            sweeper = null;
        }
    }

    public LiveSettings settings() { return settings; }

    /** Streams open on this node now. */
    public int openStreams() { return open.get(); }

    /** A discussion changed on this node (after commit): serve its local readers and wake the other nodes. */
    public void changed(long discussionId) {
        changed(Change.discussion(discussionId));
    }

    /** Something changed on this node (after commit): serve local readers of its discussion, if any, and tell the other nodes. */
    public void changed(Change change) {
        change.discussionId().ifPresent(this::refresh);
        try {
            bridge.announce(change);
        } catch (RuntimeException e) {
            LOG.warn("could not tell the other nodes of {}: {}", change, e.getMessage());
        }
    }

    /**
     * Has hearer told of every change announced by any node, this one's included (heard back), and
     * of {@link Change#MISSED} when the bridge (re)connects. It runs on the bridge's thread, so it
     * must be quick: dropping cache entries, not reading.
     */
    public void whenHeard(Consumer<Change> hearer) {
        hearers.add(hearer);
    }

    private void heard(Change change) {
        // Caches first: a reader whose stream shows an event finds it on their next page load too.
        for (Consumer<Change> h : hearers) {
            try {
                h.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("a cache could not take {} in: {}", change, e.toString());
            }
        }
        if (change.what() == Change.What.MISSED) woken(-1);
        else change.discussionId().ifPresent(this::woken);
    }

    private void woken(long discussionId) {
        if (discussionId < 0) {
            channels.keySet().forEach(this::refresh);
        } else {
            refresh(discussionId);
        }
    }

    /**
     * Opens a stream of a discussion. With lastEventId, the events after it are replayed first
     * (from the table), then live ones follow without a gap or a repeat.
     */
    public Subscription subscribe(long discussionId, Long lastEventId) {
        if (closing) throw new Full();
        if (open.incrementAndGet() > settings.maxStreams()) {
            open.decrementAndGet();
            throw new Full();
        }
        try {
            while (true) {
                Channel ch = channels.get(discussionId);
                boolean created = false;
                if (ch == null) {
                    Channel fresh = new Channel(discussionId, feed.head(discussionId));
                    ch = channels.putIfAbsent(discussionId, fresh);
                    if (ch == null) {
                        ch = fresh;
                        created = true;
                    }
                }
                Subscription s = new Subscription(this, ch, lastEventId == null ? 0 : lastEventId);
                long cursor;
                ch.lock.lock();
                try {
                    if (ch.closed) continue;
                    ch.subscribers.add(s);
                    cursor = ch.cursor;
                } finally {
                    ch.lock.unlock();
                }
                // A reader arriving without Last-Event-ID starts at what is committed now, even if the channel
                // has not delivered it yet; the page they loaded already shows it. The count comes from the same
                // snapshot, so that a comment committed meanwhile is either counted or sent, never both.
                long start = cursor;
                if (lastEventId == null) {
                    EventFeed.Head now = feed.now(discussionId);
                    start = Math.max(cursor, now.eventId());
                    s.countAtStart(now.commentCount());
                }
                s.startAt(start);
                if (lastEventId == null) s.skipThrough(start);
                // An event committed between reading the head and joining the map found no channel to wake.
                if (created) refresh(discussionId);
                if (lastEventId != null && lastEventId < cursor) replayInto(s, discussionId, lastEventId, cursor);
                return s;
            }
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
    }

    private void replayInto(Subscription s, long discussionId, long after, long upTo) {
        List<LiveEvent> missed = feed.since(discussionId, after, REPLAY_LIMIT + 1).stream()
                .filter(e -> e.id() <= upTo).toList();
        if (missed.size() > REPLAY_LIMIT) {
            s.markTooFarBehind();
        } else {
            s.replay(missed);
        }
    }

    void leave(Subscription s) {
        Channel ch = s.channel;
        ch.lock.lock();
        try {
            ch.subscribers.remove(s);
            if (ch.subscribers.isEmpty() && !ch.closed) {
                ch.closed = true;
                channels.remove(ch.discussionId, ch);
            }
        } finally {
            ch.lock.unlock();
        }
        open.decrementAndGet();
    }

    private void refresh(long discussionId) {
        Channel ch = channels.get(discussionId);
        if (ch == null) return;
        // Wake-ups that arrive while a read runs are folded into one more read, never queued up.
        if (ch.wakes.getAndIncrement() == 0) Thread.ofVirtual().name("live-" + discussionId).start(() -> pump(ch));
    }

    private void pump(Channel ch) {
        int seen;
        do {
            seen = ch.wakes.get();
            try {
                while (deliver(ch) == BATCH) {
                    // a long backlog: keep reading
                }
            } catch (RuntimeException e) {
                LOG.warn("live events of discussion {} could not be read: {}", ch.discussionId, e.toString());
            }
        } while (!ch.wakes.compareAndSet(seen, 0));
    }

    private int deliver(Channel ch) {
        long from;
        ch.lock.lock();
        try {
            if (ch.closed) return 0;
            from = ch.cursor;
        } finally {
            ch.lock.unlock();
        }
        List<LiveEvent> events = feed.since(ch.discussionId, from, BATCH);
        if (events.isEmpty()) return 0;
        ch.lock.lock();
        try {
            for (Subscription s : ch.subscribers) {
                for (LiveEvent e : events) s.offer(e);
            }
            ch.cursor = events.getLast().id();
        } finally {
            ch.lock.unlock();
        }
        return events.size();
    }

    @Override
    public void close() {
        closing = true;
        if (sweeper != null) sweeper.shutdownNow();
        bridge.close();
        for (Channel ch : channels.values()) {
            ch.lock.lock();
            try {
                ch.subscribers.forEach(Subscription::end);
            } finally {
                ch.lock.unlock();
            }
        }
    }
}

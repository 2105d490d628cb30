package dev.tribune.perspective;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute per API key, counted in whole clock minutes on this node. Past a key's
 * budget, requests are refused until the next minute starts.
 */
public final class KeyQuota {
    private record Window(long minute, int used) {}

    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public KeyQuota(Clock clock) {
        this.clock = clock;
    }

    /** Counts one request of this key; false when the key has used its budget this minute. */
    public boolean take(String key, int perMinute) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 10_000) windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        Window w = windows.compute(key, (k, old) -> old == null || old.minute() != minute
                ? new Window(minute, 1) : new Window(minute, old.used() + 1));
        return w.used() <= perMinute;
    }

    /** Seconds until the current minute ends. */
    public long secondsLeft() {
        return 60 - (clock.millis() / 1000) % 60;
    }
}

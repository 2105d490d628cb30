package dev.tribune.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Slows down password guessing: after too many failed sign-ins for one email (or from one
 * address) within a window, further attempts are refused until the oldest failure ages out.
 * Kept in memory: a restart forgets, which only ever helps the person locked out.
 */
public final class SignInThrottle {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Failures per email address (on one site) within the window. */
    public static final int MAX_PER_EMAIL = 5;
    /** Failures per client address: higher, because a newsroom's staff may share one office address. */
    public static final int MAX_PER_ADDRESS = 20;

    private final Clock clock;
    private final Cache<String, Deque<Long>> failures = Caffeine.newBuilder()
            .expireAfterWrite(WINDOW)
            .maximumSize(100_000)
            .build();

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until one more attempt is allowed for this email from this address; zero when allowed now. */
    public Duration waitBefore(long siteId, String email, String clientIp) {
        long wait = Math.max(waitMillis(emailKey(siteId, email), MAX_PER_EMAIL), waitMillis(ipKey(clientIp), MAX_PER_ADDRESS));
        return Duration.ofMillis(Math.max(0, wait));
    }

    public void failed(long siteId, String email, String clientIp) {
        long now = clock.millis();
        for (String key : new String[] {emailKey(siteId, email), ipKey(clientIp)}) {
            Deque<Long> times = failures.get(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
            // Re-put so expiry counts from the latest failure, not the first.
            failures.put(key, times);
        }
    }

    /** A right password clears that email's failures; the address keeps its count. */
    public void succeeded(long siteId, String email) {
        failures.invalidate(emailKey(siteId, email));
    }

    /** Milliseconds until one more attempt is allowed under this key; 0 when allowed now. */
    private long waitMillis(String key, int max) {
        Deque<Long> times = failures.getIfPresent(key);
        if (times == null) return 0;
        long now = clock.millis();
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) return 0;
            // The attempt frees up when enough of the oldest failures leave the window.
            long[] sorted = times.stream().mapToLong(Long::longValue).toArray();
            return sorted[times.size() - max] + WINDOW.toMillis() - now;
        }
    }

    private static void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) times.removeFirst();
    }

    private static String emailKey(long siteId, String email) {
        return "e:" + siteId + ":" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }
}

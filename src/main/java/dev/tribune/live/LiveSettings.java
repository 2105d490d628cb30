package dev.tribune.live;

import dev.tribune.config.Settings.BadSetting;

import java.time.Duration;
import java.util.Map;

/**
 * How many live streams one node holds and how long a quiet one stays open, from
 * TRIBUNE_LIVE_MAX_STREAMS, TRIBUNE_LIVE_HEARTBEAT_SECONDS and TRIBUNE_LIVE_IDLE_SECONDS.
 */
public record LiveSettings(int maxStreams, Duration heartbeat, Duration idleTimeout) {

    public static final LiveSettings DEFAULT = new LiveSettings(10_000, Duration.ofSeconds(25), Duration.ofMinutes(10));

    public static LiveSettings fromEnvironment(Map<String, String> env) {
        int max = number(env, "TRIBUNE_LIVE_MAX_STREAMS", DEFAULT.maxStreams, 0, 1_000_000);
        int beat = number(env, "TRIBUNE_LIVE_HEARTBEAT_SECONDS", (int) DEFAULT.heartbeat.toSeconds(), 1, 3600);
        int idle = number(env, "TRIBUNE_LIVE_IDLE_SECONDS", (int) DEFAULT.idleTimeout.toSeconds(), 1, 86_400);
        return new LiveSettings(max, Duration.ofSeconds(beat), Duration.ofSeconds(idle));
    }

    public LiveSettings withMaxStreams(int max) {
        return new LiveSettings(max, heartbeat, idleTimeout);
    }

    public LiveSettings withIdleTimeout(Duration idle) {
        return new LiveSettings(maxStreams, heartbeat, idle);
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadSetting(name + " must be a whole number from " + min + " to " + max + ", got " + v);
        }
    }
}

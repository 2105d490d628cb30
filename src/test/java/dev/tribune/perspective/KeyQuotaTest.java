package dev.tribune.perspective;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class KeyQuotaTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-29T04:00:10Z");

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void eachKeyGetsItsBudgetPerClockMinute() {
        HandClock clock = new HandClock();
        KeyQuota quota = new KeyQuota(clock);
        for (int i = 0; i < 3; i++) assertThat(quota.take("trb_aaaaaaaa", 3)).isTrue();
        assertThat(quota.take("trb_aaaaaaaa", 3)).isFalse();
        assertThat(quota.take("trb_bbbbbbbb", 3)).as("another key has its own budget").isTrue();
        assertThat(quota.secondsLeft()).isEqualTo(50);
        clock.now = clock.now.plus(Duration.ofSeconds(50));
        assertThat(quota.take("trb_aaaaaaaa", 3)).as("a new minute, a new budget").isTrue();
    }
}

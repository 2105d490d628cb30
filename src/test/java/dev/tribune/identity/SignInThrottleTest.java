package dev.tribune.identity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {
    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-05-01T09:00:00Z");

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void theSixthAttemptWaitsUntilTheOldestFailureLeavesTheWindow() {
        HandClock clock = new HandClock();
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.MAX_PER_EMAIL; i++) {
            assertThat(throttle.waitBefore(1, "ed@test.org", "10.0.0.1")).isZero();
            throttle.failed(1, "Ed@Test.org ", "10.0.0.1");
            clock.now = clock.now.plusSeconds(60);
        }
        // Five failures at 9:00..9:04; now 9:05: the first leaves the window at 9:15.
        assertThat(throttle.waitBefore(1, "ed@test.org", "10.0.0.2")).isEqualTo(Duration.ofMinutes(10));
        assertThat(throttle.waitBefore(2, "ed@test.org", "10.0.0.2")).as("another site's account").isZero();
        assertThat(throttle.waitBefore(1, "other@test.org", "10.0.0.1")).as("another email, same address").isZero();
        clock.now = Instant.parse("2026-05-01T09:15:00Z");
        assertThat(throttle.waitBefore(1, "ed@test.org", "10.0.0.1")).isZero();
    }

    @Test
    void oneAddressFailingWithManyEmailsIsSlowedToo() {
        HandClock clock = new HandClock();
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i < SignInThrottle.MAX_PER_ADDRESS; i++) throttle.failed(1, "guess" + i + "@test.org", "10.0.0.9");
        assertThat(throttle.waitBefore(1, "fresh@test.org", "10.0.0.9")).isEqualTo(SignInThrottle.WINDOW);
        assertThat(throttle.waitBefore(1, "fresh@test.org", "10.0.0.8")).isZero();
    }

    @Test
    void aRightPasswordClearsThatEmailsFailures() {
        SignInThrottle throttle = new SignInThrottle(new HandClock());
        for (int i = 0; i < SignInThrottle.MAX_PER_EMAIL - 1; i++) throttle.failed(1, "ed@test.org", "10.0.0.1");
        throttle.succeeded(1, "ed@test.org");
        throttle.failed(1, "ed@test.org", "10.0.0.1");
        assertThat(throttle.waitBefore(1, "ed@test.org", "10.0.0.1")).isZero();
    }
}

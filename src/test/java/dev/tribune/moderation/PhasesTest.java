package dev.tribune.moderation;

import dev.tribune.domain.Account;
import dev.tribune.domain.Commenter;
import dev.tribune.domain.Discussion;
import dev.tribune.domain.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhasesTest {
    static final Discussion OPEN = new Discussion(1, 1, "p", 1L, "t", "/", true, false, 0, 1, 1);
    static final Commenter GUEST = new Commenter(null, "guest-1", "ip-1");

    /** A history the test sets up by hand. */
    static class FakeHistory implements History {
        int recent, fromAddress, published = 10, othersSame;
        Instant last;
        boolean same;
        Sanction sanction;

        public int postedSince(long siteId, Commenter who, Instant since) { return recent; }
        public int postedFromAddressSince(long siteId, String ipHash, Instant since) { return fromAddress; }
        public Optional<Instant> lastPosted(long siteId, Commenter who) { return Optional.ofNullable(last); }
        public boolean postedSameText(long siteId, Commenter who, String body, Instant since) { return same; }
        public int othersPostedSameText(long siteId, Commenter who, String body, Instant since) { return othersSame; }
        public int published(long siteId, Commenter who) { return published; }
        public Optional<Sanction> sanction(long siteId, Commenter who, String email) { return Optional.ofNullable(sanction); }
    }

    static Submission sub(String body) { return sub(body, Policy.BALANCED, TextScores.ZERO, false); }

    static Submission sub(String body, Policy p, TextScores scores, boolean confirm) {
        return new Submission(OPEN, null, GUEST, "Reader", "", body, false, confirm, p, scores);
    }

    static Verdict.Outcome outcome(Phase phase, Submission s) { return phase.check(s).outcome(); }

    @Test
    void lengthRefusesTooShortAndTooLong() {
        Policy p = Policy.BALANCED.with(Map.of("minLength", "3", "maxLength", "10"));
        assertThat(outcome(new Length(), sub("ok", p, TextScores.ZERO, false))).isEqualTo(Verdict.Outcome.REJECT);
        assertThat(outcome(new Length(), sub("fine text", p, TextScores.ZERO, false))).isEqualTo(Verdict.Outcome.PASS);
        assertThat(outcome(new Length(), sub("far too long here", p, TextScores.ZERO, false))).isEqualTo(Verdict.Outcome.REJECT);
    }

    @Test
    void aClosedDiscussionRefuses() {
        Discussion closed = new Discussion(1, 1, "p", 1L, "t", "/", false, false, 0, 1, 1);
        Submission s = new Submission(closed, null, GUEST, "R", "", "hello", true, false, Policy.BALANCED, TextScores.ZERO);
        Verdict v = new ClosedDiscussion().check(s);
        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.REJECT);
        assertThat(v.refusal().status()).isEqualTo(403);
    }

    @Test
    void rateLimitCountsFloodPerMinutePerHourAndPerAddress() {
        FakeHistory h = new FakeHistory();
        RateLimit phase = new RateLimit(h);
        assertThat(outcome(phase, sub("hello"))).isEqualTo(Verdict.Outcome.PASS);
        h.last = Instant.now().minusSeconds(2);
        Verdict flood = phase.check(sub("hello"));
        assertThat(flood.outcome()).isEqualTo(Verdict.Outcome.REJECT);
        assertThat(flood.refusal().status()).isEqualTo(429);
        h.last = null;
        h.recent = Policy.BALANCED.maxPerMinute();
        assertThat(outcome(phase, sub("hello"))).isEqualTo(Verdict.Outcome.REJECT);
        h.recent = 0;
        h.fromAddress = Policy.BALANCED.maxPerHourPerIp();
        assertThat(phase.check(sub("hello")).reason()).contains("network");
    }

    @Test
    void repeatsFromTheSameWriterAreRefusedAndAcrossTheSiteHeld() {
        FakeHistory h = new FakeHistory();
        RepeatedPost phase = new RepeatedPost(h);
        assertThat(outcome(phase, sub("buy now"))).isEqualTo(Verdict.Outcome.PASS);
        h.othersSame = Policy.BALANCED.siteDuplicateLimit();
        assertThat(outcome(phase, sub("buy now"))).isEqualTo(Verdict.Outcome.HOLD);
        h.same = true;
        assertThat(phase.check(sub("buy now")).refusal().type()).isEqualTo("duplicate");
    }

    @Test
    void linksAboveTheLimitAreHeld() {
        assertThat(Links.count("see https://a.example/x and www.b.org and [c](http://c.net) and spam.xyz")).isEqualTo(4);
        assertThat(outcome(new Links(), sub("one https://a.example/x link"))).isEqualTo(Verdict.Outcome.PASS);
        assertThat(outcome(new Links(), sub("http://a.com http://b.com http://c.com http://d.com"))).isEqualTo(Verdict.Outcome.HOLD);
    }

    @Test
    void wordsRejectSlursHoldProfanityOrPassItAsTheSiteSays() {
        Words words = new Words();
        assertThat(outcome(words, sub("you n1gger"))).isEqualTo(Verdict.Outcome.REJECT);
        assertThat(outcome(words, sub("this is bullsh1t"))).isEqualTo(Verdict.Outcome.HOLD);
        assertThat(outcome(words, sub("this is bullsh1t", Policy.RELAXED, TextScores.ZERO, false))).isEqualTo(Verdict.Outcome.PASS);
        assertThat(outcome(words, sub("Scunthorpe fans in the cockpit"))).isEqualTo(Verdict.Outcome.PASS);
        Policy own = Policy.BALANCED.with(Map.of("bannedWords", "grift*", "suspectWords", "clown", "allowedWords", "shitake"));
        assertThat(outcome(words, sub("such grifters", own, TextScores.ZERO, false))).isEqualTo(Verdict.Outcome.REJECT);
        assertThat(outcome(words, sub("a clown", own, TextScores.ZERO, false))).isEqualTo(Verdict.Outcome.HOLD);
    }

    @Test
    void toxicityNudgesFirstAndHoldsWhenConfirmed() {
        TextScores toxic = new TextScores(0.8, 0, List.of("idiot"));
        Verdict first = new Toxicity().check(sub("you idiot", Policy.BALANCED, toxic, false));
        assertThat(first.outcome()).isEqualTo(Verdict.Outcome.NUDGE);
        assertThat(first.refusal().type()).isEqualTo("nudge");
        assertThat(first.reason()).isEqualTo(Verdict.NUDGE_MESSAGE);
        Verdict confirmed = new Toxicity().check(sub("you idiot", Policy.BALANCED, toxic, true));
        assertThat(confirmed.outcome()).isEqualTo(Verdict.Outcome.HOLD);
        assertThat(confirmed.reason()).contains("0.80").contains("idiot");
        assertThat(outcome(new Toxicity(), sub("x", Policy.STRICT, new TextScores(0.99, 0, List.of()), true))).isEqualTo(Verdict.Outcome.REJECT);
        assertThat(outcome(new Toxicity(), sub("x", Policy.BALANCED, new TextScores(0.5, 0, List.of()), false))).isEqualTo(Verdict.Outcome.PASS);
    }

    @Test
    void spamHoldsThenRejects() {
        assertThat(outcome(new Spam(), sub("x", Policy.BALANCED, new TextScores(0, 0.85, List.of()), false))).isEqualTo(Verdict.Outcome.HOLD);
        assertThat(outcome(new Spam(), sub("x", Policy.BALANCED, new TextScores(0, 0.99, List.of()), false))).isEqualTo(Verdict.Outcome.REJECT);
        assertThat(outcome(new Spam(), sub("x", Policy.BALANCED, new TextScores(0, 0.1, List.of()), false))).isEqualTo(Verdict.Outcome.PASS);
    }

    @Test
    void premoderationRules() {
        FakeHistory h = new FakeHistory();
        Premoderation phase = new Premoderation(h);
        assertThat(outcome(phase, sub("hi"))).isEqualTo(Verdict.Outcome.PASS);
        assertThat(outcome(phase, sub("hi", Policy.BALANCED.with(Map.of("premoderateAll", "true")), TextScores.ZERO, false)))
                .isEqualTo(Verdict.Outcome.HOLD);
        assertThat(outcome(phase, sub("see https://x.example", Policy.STRICT, TextScores.ZERO, false))).isEqualTo(Verdict.Outcome.HOLD);
        h.published = 0;
        assertThat(phase.check(sub("hi", Policy.STRICT, TextScores.ZERO, false)).reason()).contains("new commenter");
        Discussion premod = new Discussion(1, 1, "p", 1L, "t", "/", true, true, 0, 1, 1);
        assertThat(phase.check(new Submission(premod, null, GUEST, "R", "", "hi", false, false, Policy.BALANCED, TextScores.ZERO))
                .outcome()).isEqualTo(Verdict.Outcome.HOLD);
        Commenter staff = new Commenter(new Account(1, 1, "e@x.org", "Ed", dev.tribune.domain.Role.MODERATOR, null), null, "ip");
        assertThat(phase.check(new Submission(premod, null, staff, "R", "", "hi", false, false, Policy.STRICT, TextScores.ZERO))
                .outcome()).isEqualTo(Verdict.Outcome.PASS);
    }

    @Test
    void sanctionsRefuseOrHold() {
        FakeHistory h = new FakeHistory();
        Standing phase = new Standing(h);
        assertThat(outcome(phase, sub("hi"))).isEqualTo(Verdict.Outcome.PASS);
        h.sanction = new Sanction(1, 1, Sanction.Kind.BAN, Identity.guest("guest-1"), "", Instant.now(), null, null);
        Refusal r = phase.check(sub("hi")).refusal();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.detail()).isEqualTo("You are banned from commenting on this site.");
        h.sanction = new Sanction(1, 1, Sanction.Kind.SUSPEND, Identity.guest("guest-1"), "", Instant.now(),
                Instant.parse("2031-05-04T10:15:00Z"), null);
        assertThat(phase.check(sub("hi")).reason()).isEqualTo("You are suspended from commenting on this site until 4 May 2031, 10:15 UTC.");
        h.sanction = new Sanction(1, 1, Sanction.Kind.PREMODERATE, Identity.guest("guest-1"), "", Instant.now(), null, null);
        assertThat(outcome(phase, sub("hi"))).isEqualTo(Verdict.Outcome.HOLD);
    }

    @Test
    void thePipelineKeepsTheStrongestVerdictAndEveryFinding() {
        Phase hold = new Phase() {
            public String name() { return "a"; }
            public Verdict check(Submission s) { return Verdict.hold("a", "first hold"); }
        };
        Phase nudge = new Phase() {
            public String name() { return "b"; }
            public Verdict check(Submission s) { return Verdict.nudge("b", "think again"); }
        };
        Phase reject = new Phase() {
            public String name() { return "c"; }
            public Verdict check(Submission s) { return Verdict.reject("c", "no"); }
        };
        Judgement j = new Pipeline(List.of(hold, nudge)).judge(new Submission(OPEN, null, GUEST, "R", "", "hi", false));
        assertThat(j.verdict().phase()).isEqualTo("b");
        assertThat(j.findings()).hasSize(2);
        assertThat(new Pipeline(List.of(hold, reject, nudge)).judge(new Submission(OPEN, null, GUEST, "R", "", "hi", false))
                .verdict().outcome()).isEqualTo(Verdict.Outcome.REJECT);
    }

    @Test
    void policiesChangeByKeyAndRefuseNonsense() {
        Policy p = Policy.BALANCED.with(Map.of("toxicityNudge", "off", "reportThreshold", "5"));
        assertThat(p.toxicityNudge()).isNull();
        assertThat(p.reportThreshold()).isEqualTo(5);
        assertThatThrownBy(() -> Policy.BALANCED.with(Map.of("nope", "1"))).isInstanceOf(Refusal.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> Policy.BALANCED.with(Map.of("spamHold", "2"))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> Policy.BALANCED.with(Map.of("maxLinks", "many"))).isInstanceOf(Refusal.class)
                .hasMessageContaining("whole number");
        assertThat(Policy.preset("Strict")).isEqualTo(Policy.STRICT);
    }
}

package dev.tribune.identity;

import dev.tribune.domain.Refusal;
import dev.tribune.store.Database;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The tokens in links Tribune emails to readers (verify the address, sign in, reset the
 * password): the account, an expiry and a random id, signed with the installation's secret.
 * Single-use links record their id once followed, so a second click is refused.
 */
public final class SignedLinks {
    /** What a link is for; a token for one purpose never works for another. */
    public enum Purpose {
        VERIFY(Duration.ofDays(3), false), SIGN_IN(Duration.ofMinutes(20), true), RESET(Duration.ofHours(1), true),
        /** The code a sign-in popup hands to the embed that opened it, good for one exchange by that page's origin. */
        HANDOFF(Duration.ofMinutes(2), true);

        final Duration lifetime;
        final boolean singleUse;

        Purpose(Duration lifetime, boolean singleUse) {
            this.lifetime = lifetime;
            this.singleUse = singleUse;
        }

        public Duration lifetime() { return lifetime; }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Signer signer;
    private final Clock clock;

    public SignedLinks(Database db, Signer signer, Clock clock) {
        this.db = db;
        this.signer = signer;
        this.clock = clock;
    }

    public String issue(Purpose purpose, long accountId) {
        return issue(purpose, accountId, null);
    }

    /** A token that redeems only for the same audience (for a hand-off code: the embedding page's origin). */
    public String issue(Purpose purpose, long accountId, String audience) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String data = accountId + "." + (clock.millis() + purpose.lifetime.toMillis()) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(data.getBytes(StandardCharsets.UTF_8));
        return payload + "." + signer.signature(signedFor(purpose, audience), payload);
    }

    private static String signedFor(Purpose purpose, String audience) {
        return "link:" + purpose + (audience == null ? "" : "|" + audience);
    }

    /** The account the link is for; refused when forged, expired, for another purpose, or already used. */
    public long redeem(Purpose purpose, String token) {
        return redeem(purpose, token, null);
    }

    /** As {@link #redeem(Purpose, String)}, for a token issued to this audience only. */
    public long redeem(Purpose purpose, String token, String audience) {
        Refusal bad = new Refusal(400, "invalid-link", "This link is not valid (it may be incomplete). Ask for a new one.");
        if (token == null || token.length() > 300) throw bad;
        int dot = token.indexOf('.');
        if (dot <= 0) throw bad;
        String payload = token.substring(0, dot);
        if (!signer.verifies(signedFor(purpose, audience), payload, token.substring(dot + 1))) throw bad;
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\.");
        } catch (IllegalArgumentException e) {
            throw bad;
        }
        if (parts.length != 3) throw bad;
        long accountId = Long.parseLong(parts[0]);
        long expires = Long.parseLong(parts[1]);
        long now = clock.millis();
        if (now > expires) throw new Refusal(410, "link-expired", "This link has expired. Ask for a new one.");
        if (purpose.singleUse) {
            String id = purpose + ":" + parts[2];
            boolean fresh = db.write(h -> {
                h.createUpdate("delete from used_link where expires_at < ?").bind(0, now).execute();
                if (h.createQuery("select count(*) from used_link where id = ?").bind(0, id).mapTo(Integer.class).one() > 0) return false;
                h.createUpdate("insert into used_link (id, expires_at) values (?, ?)").bind(0, id).bind(1, expires).execute();
                return true;
            });
            if (!fresh) throw new Refusal(410, "link-used", "This link has already been used. Ask for a new one.");
        }
        return accountId;
    }
}

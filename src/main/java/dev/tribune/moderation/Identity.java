package dev.tribune.moderation;

import dev.tribune.domain.Refusal;

/**
 * One way a commenter is recognised, which a sanction can name: an account, a guest's email, a
 * guest's browser (its hashed token, the guestKey) or a hashed address.
 */
public record Identity(Kind kind, String value) {

    /** The kinds of identity a sanction can hold. */
    public enum Kind { ACCOUNT, EMAIL, GUEST, IP;
        public String db() { return name().toLowerCase(); }
        public static Kind fromDb(String s) { return valueOf(s.toUpperCase()); }
    }

    public Identity {
        if (value == null || value.isBlank()) throw Refusal.invalid("identity", "Say whom the sanction is for.");
        value = kind == Kind.EMAIL ? value.strip().toLowerCase(java.util.Locale.ROOT) : value.strip();
    }

    public static Identity account(long id) { return new Identity(Kind.ACCOUNT, Long.toString(id)); }

    public static Identity email(String email) { return new Identity(Kind.EMAIL, email); }

    public static Identity guest(String guestKey) { return new Identity(Kind.GUEST, guestKey); }

    public static Identity address(String ipHash) { return new Identity(Kind.IP, ipHash); }
}

package dev.tribune.domain;

/**
 * Who is acting on a discussion: a staff account, a guest's signed browser token, and the
 * hashed client address. Any of the first two may be null.
 */
public record Commenter(Account account, String guestKey, String ipHash) {

    public static Commenter anonymous(String ipHash) { return new Commenter(null, null, ipHash); }

    public Long accountId() { return account == null ? null : account.id(); }

    /** The key one vote is counted under: the account, else the browser, else the address. */
    public String voterKey() {
        if (account != null) return "a:" + account.id();
        if (guestKey != null) return "g:" + guestKey;
        return "ip:" + ipHash;
    }

    /** Whether this commenter wrote the comment (same account, or same browser token). */
    public boolean wrote(Comment c) {
        if (account != null && c.accountId() != null) return account.id() == c.accountId();
        return guestKey != null && guestKey.equals(c.guestKey());
    }
}

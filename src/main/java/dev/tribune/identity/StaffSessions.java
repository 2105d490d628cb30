package dev.tribune.identity;

import dev.tribune.domain.Account;
import dev.tribune.store.Database;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Signed-in staff: a random cookie token (stored only as its hash) with a CSRF token for staff forms. */
public final class StaffSessions {
    public static final Duration LIFETIME = Duration.ofDays(14);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live session: who, and the token staff forms must echo. */
    public record Session(Account account, String csrfToken) {}

    private final Database db;
    private final Accounts accounts;
    private final SiteStaff staff;

    public StaffSessions(Database db, Accounts accounts, SiteStaff staff) {
        this.db = db;
        this.accounts = accounts;
        this.staff = staff;
    }

    /** Starts a session and returns the cookie token. */
    public String start(Account account) {
        String token = randomToken();
        long now = System.currentTimeMillis();
        db.update(h -> h.createUpdate("insert into staff_session (token_hash, account_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .bind(0, hash(token)).bind(1, account.id()).bind(2, randomToken()).bind(3, now).bind(4, now + LIFETIME.toMillis())
                .execute());
        return token;
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        record Row(long accountId, String csrf) {}
        Optional<Row> row = db.read(h -> h.createQuery("select account_id, csrf_token from staff_session where token_hash = ? and expires_at > ?")
                .bind(0, hash(token)).bind(1, System.currentTimeMillis())
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2))).findOne());
        return row.flatMap(r -> accounts.byId(r.accountId()).map(a -> new Session(a, r.csrf())));
    }

    /** The session as it acts on one site: with the account's role there; empty where it is not staff. */
    public Optional<Session> find(String token, long siteId) {
        return find(token).flatMap(s -> staff.onSite(s.account(), siteId).map(a -> new Session(a, s.csrfToken())));
    }

    public void end(String token) {
        if (token == null) return;
        db.update(h -> h.createUpdate("delete from staff_session where token_hash = ?").bind(0, hash(token)).execute());
    }

    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

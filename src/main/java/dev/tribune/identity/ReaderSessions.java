package dev.tribune.identity;

import dev.tribune.domain.Reader;
import dev.tribune.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in readers. One random token per session, stored only as its hash, works both as the
 * reader cookie and as a bearer token (for an embed whose cookies the browser blocks); cookie
 * writes must also echo the session's CSRF token.
 */
public final class ReaderSessions {
    public static final Duration LIFETIME = Duration.ofDays(30);

    /** A live session: who, the token cookie-authenticated forms must echo, and when it ends. */
    public record Session(Reader reader, String csrfToken, Instant expiresAt) {}

    /** A session just started: the token to hand to the browser (once; only its hash is kept). */
    public record Started(String token, Session session) {}

    private final Database db;
    private final Readers readers;

    public ReaderSessions(Database db, Readers readers) {
        this.db = db;
        this.readers = readers;
    }

    /** Starts a session; via says how the reader proved who they are (password, link, sso, oidc:NAME). */
    public Started start(Reader reader, String via) {
        String token = StaffSessions.randomToken();
        String csrf = StaffSessions.randomToken();
        long now = System.currentTimeMillis();
        long expires = now + LIFETIME.toMillis();
        db.update(h -> h.createUpdate("insert into reader_session (token_hash, account_id, csrf_token, via, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .bind(0, StaffSessions.hash(token)).bind(1, reader.id()).bind(2, csrf).bind(3, via).bind(4, now).bind(5, expires).execute());
        return new Started(token, new Session(reader, csrf, Instant.ofEpochMilli(expires)));
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        record Row(long accountId, String csrf, long expires) {}
        Optional<Row> row = db.read(h -> h.createQuery("select account_id, csrf_token, expires_at from reader_session "
                        + "where token_hash = ? and expires_at > ?")
                .bind(0, StaffSessions.hash(token)).bind(1, System.currentTimeMillis())
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3))).findOne());
        return row.flatMap(r -> readers.byId(r.accountId()).map(reader -> new Session(reader, r.csrf(), Instant.ofEpochMilli(r.expires()))));
    }

    public void end(String token) {
        if (token == null) return;
        db.update(h -> h.createUpdate("delete from reader_session where token_hash = ?").bind(0, StaffSessions.hash(token)).execute());
    }

    /** Signs the account out on every browser and device: all its reader and staff sessions end. */
    public int endAll(long accountId) {
        return db.write(h -> h.createUpdate("delete from reader_session where account_id = ?").bind(0, accountId).execute()
                + h.createUpdate("delete from staff_session where account_id = ?").bind(0, accountId).execute());
    }
}

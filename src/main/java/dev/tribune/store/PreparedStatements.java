package dev.tribune.store;

import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statements one SQLite connection keeps compiled, by SQL, for {@link Jdbc}. They are made on
 * the driver's own connection, under the pool's proxy, so that giving the connection back to the
 * pool does not close them; closing the connection does. A connection is used by one thread at a
 * time, so its statements need no lock; the map of connections does. A statement is taken out
 * while it runs, so a statement run inside another's row loop gets one of its own.
 */
final class PreparedStatements {
    /** The most statements one connection keeps; the least recently used one is closed past it. */
    private static final int MAX_KEPT = 64;
    /** Guarded by itself. Connections the pool closed are forgotten when a new one comes. */
    private static final Map<SQLiteConnection, PreparedStatements> BY_CONNECTION = new IdentityHashMap<>();

    private final SQLiteConnection connection;
    private final LinkedHashMap<String, PreparedStatement> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX_KEPT) return false;
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    private PreparedStatements(SQLiteConnection connection) {
        this.connection = connection;
    }

    /** The statements of this connection, or null when it is not SQLite's (PostgreSQL's driver keeps its own). */
    static PreparedStatements of(Connection c) throws SQLException {
        if (!c.isWrapperFor(SQLiteConnection.class)) return null;
        SQLiteConnection raw = c.unwrap(SQLiteConnection.class);
        synchronized (BY_CONNECTION) {
            PreparedStatements kept = BY_CONNECTION.get(raw);
            if (kept == null) {
                // A connection new to us: the pool may have closed others since, with their statements.
                BY_CONNECTION.keySet().removeIf(PreparedStatements::closed);
                kept = new PreparedStatements(raw);
                BY_CONNECTION.put(raw, kept);
            }
            return kept;
        }
    }

    /** The compiled statement for this SQL, taken out until {@link #giveBack}; made when there is none. */
    PreparedStatement take(String sql) throws SQLException {
        PreparedStatement ps = kept.remove(sql);
        return ps != null && !ps.isClosed() ? ps : connection.prepareStatement(sql);
    }

    /** Keeps a statement that ran well for the next use of its SQL. */
    void giveBack(String sql, PreparedStatement ps) {
        PreparedStatement other = kept.put(sql, ps);
        if (other != null && other != ps) closeQuietly(other);
    }

    private static boolean closed(SQLiteConnection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // closing only frees it; nothing to keep
        }
    }
}

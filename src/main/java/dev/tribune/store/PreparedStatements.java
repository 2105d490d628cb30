package dev.tribune.store;

import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The statements one SQLite connection keeps compiled, by SQL, for {@link Jdbc}. They are made on
 * the driver's own connection, under the pool's proxy, so that giving the connection back to the
 * pool does not close them; closing the connection does. A connection is used by one thread at a
 * time, so its statements need no lock; the map of connections does.
 */
final class PreparedStatements {
    /** The most statements one connection keeps; the least recently used one is closed past it. */
    private static final int MAX_KEPT = 64;
    private static final Map<SQLiteConnection, PreparedStatements> BY_CONNECTION = Collections.synchronizedMap(new WeakHashMap<>());

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
        return BY_CONNECTION.computeIfAbsent(c.unwrap(SQLiteConnection.class), PreparedStatements::new);
    }

    /** The compiled statement for this SQL, made on first use (or after its connection closed it). */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement ps = kept.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = connection.prepareStatement(sql);
            kept.put(sql, ps);
        }
        return ps;
    }

    /** Forgets and closes the statement for this SQL. */
    void drop(String sql) {
        PreparedStatement ps = kept.remove(sql);
        if (ps != null) closeQuietly(ps);
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // closing only frees it; nothing to keep
        }
    }
}

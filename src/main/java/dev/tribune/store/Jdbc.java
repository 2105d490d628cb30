package dev.tribune.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plain JDBC on a JDBI handle, for the dozen small statements every post runs: JDBI's setting up
 * of each statement (copying its configuration, finding binders and mappers) cost more CPU than
 * SQLite's running of it. Arguments are positional; a null binds as an untyped NULL. Statement
 * watchers ({@link Database#watchStatements}) see these statements as they see JDBI's.
 * On SQLite, each connection keeps its prepared statements ({@link PreparedStatements}): compiling
 * a statement cost SQLite about as much as running it.
 */
public final class Jdbc {
    /** The handle attribute under which a database keeps the dispatch to its statement watchers. */
    static final String WATCHERS = "tribune.statementWatchers";

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Jdbc() {}

    /** The first row of a query, if any. */
    public static <T> Optional<T> first(Handle h, String sql, Row<T> row, Object... args) {
        return run(h, sql, args, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
            }
        });
    }

    /** Every row of a query. */
    public static <T> List<T> list(Handle h, String sql, Row<T> row, Object... args) {
        return run(h, sql, args, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.read(rs));
                return out;
            }
        });
    }

    /** The first column of the one row a query answers (a count, an id from "returning id"), as a long. */
    public static long one(Handle h, String sql, Object... args) {
        return run(h, sql, args, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new IllegalStateException("no row from: " + sql);
                return rs.getLong(1);
            }
        });
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public static int update(Handle h, String sql, Object... args) {
        return run(h, sql, args, PreparedStatement::executeUpdate);
    }

    /** What runs on a bound statement. */
    private interface Work<T> {
        T on(PreparedStatement ps) throws SQLException;
    }

    private static <T> T run(Handle h, String sql, Object[] args, Work<T> work) {
        if (h.getConfig(SqlStatements.class).getAttribute(WATCHERS) instanceof Consumer<?> watchers) {
            @SuppressWarnings("unchecked") Consumer<String> w = (Consumer<String>) watchers;
            w.accept(sql);
        }
        try {
            Connection c = h.getConnection();
            PreparedStatements kept = PreparedStatements.of(c);
            if (kept == null) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bindAll(ps, args);
                    return work.on(ps);
                }
            }
            PreparedStatement ps = kept.take(sql);
            T result;
            try {
                bindAll(ps, args);
                result = work.on(ps);
            } catch (SQLException | RuntimeException e) {
                // A statement that failed midway is not trusted again: it is closed and compiled afresh next time.
                PreparedStatements.closeQuietly(ps);
                throw e;
            }
            kept.giveBack(sql, ps);
            return result;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** A nullable long column. */
    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void bindAll(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) bind(ps, i + 1, args[i]);
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        switch (v) {
            case null -> ps.setNull(i, Types.NULL);
            case Long l -> ps.setLong(i, l);
            case Integer n -> ps.setInt(i, n);
            case String s -> ps.setString(i, s);
            case Double d -> ps.setDouble(i, d);
            case Boolean b -> ps.setBoolean(i, b);
            default -> throw new IllegalArgumentException("cannot bind a " + v.getClass().getName());
        }
    }

    private static RuntimeException failed(String sql, SQLException e) {
        return new IllegalStateException("statement failed: " + e.getMessage() + " [" + sql + "]", e);
    }
}

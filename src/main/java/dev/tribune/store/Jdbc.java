package dev.tribune.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

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
        try (PreparedStatement ps = prepare(h, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Every row of a query. */
    public static <T> List<T> list(Handle h, String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = prepare(h, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(row.read(rs));
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first column of the one row a query answers (a count, an id from "returning id"), as a long. */
    public static long one(Handle h, String sql, Object... args) {
        try (PreparedStatement ps = prepare(h, sql, args); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new IllegalStateException("no row from: " + sql);
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public static int update(Handle h, String sql, Object... args) {
        try (PreparedStatement ps = prepare(h, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** A nullable long column. */
    public static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static PreparedStatement prepare(Handle h, String sql, Object[] args) throws SQLException {
        if (h.getConfig(SqlStatements.class).getAttribute(WATCHERS) instanceof Consumer<?> watchers) {
            @SuppressWarnings("unchecked") Consumer<String> w = (Consumer<String>) watchers;
            w.accept(sql);
        }
        PreparedStatement ps = h.getConnection().prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) bind(ps, i + 1, args[i]);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
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

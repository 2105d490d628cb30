package dev.tribune.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What differs between SQLite and PostgreSQL, kept here so features share one set of statements:
 * catalog lookups, identity sequences and row locks.
 */
public enum Dialect {
    SQLITE {
        @Override String schema(Connection c) { return null; }

        @Override Set<String> constraintIndexes(Connection c) { return Set.of(); }

        @Override public void restartIdentities(Connection c) {
            // An integer primary key is the rowid: the next one is always max(id) + 1.
        }

        @Override public String forUpdate() {
            // One writer connection serializes writes already.
            return "";
        }

        @Override public void lockNames(Handle h, Collection<String> names) {
            // One writer connection serializes writes already.
        }
    },
    POSTGRESQL {
        @Override String schema(Connection c) throws SQLException { return c.getSchema(); }

        @Override Set<String> constraintIndexes(Connection c) throws SQLException {
            Set<String> names = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select conname from pg_constraint "
                    + "where connamespace = current_schema()::regnamespace and contype in ('p', 'u')");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) names.add(rs.getString(1));
            }
            return names;
        }

        @Override public void restartIdentities(Connection c) throws SQLException {
            List<String[]> identities = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name, column_name from information_schema.columns "
                    + "where table_schema = current_schema() and is_identity = 'YES'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) identities.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] t : identities) {
                // Rows copied with their own ids leave the sequence behind; the next id must follow the largest.
                try (PreparedStatement ps = c.prepareStatement("select setval(pg_get_serial_sequence(?, ?), "
                        + "(select coalesce(max(" + quote(t[1]) + "), 0) + 1 from " + quote(t[0]) + "), false)")) {
                    ps.setString(1, quote(t[0]));
                    ps.setString(2, t[1]);
                    ps.executeQuery().close();
                }
            }
        }

        @Override public String forUpdate() { return " for update"; }

        @Override public void lockNames(Handle h, Collection<String> names) {
            // Always in the same order, so that two transactions locking overlapping names cannot deadlock.
            long[] keys = names.stream().mapToLong(Dialect::key).distinct().sorted().toArray();
            for (long k : keys) h.createQuery("select pg_advisory_xact_lock(?)").bind(0, k).mapTo(String.class).one();
        }
    };

    /** The schema Tribune's tables live in, for catalog lookups (null: the only one). */
    abstract String schema(Connection c) throws SQLException;

    /** Names of indexes that exist because of a primary key or unique constraint. */
    abstract Set<String> constraintIndexes(Connection c) throws SQLException;

    /** After rows were inserted with explicit ids, makes new rows get ids above them. */
    public abstract void restartIdentities(Connection c) throws SQLException;

    /**
     * Suffix for a select that must lock the rows it reads until the transaction ends, so that
     * concurrent writers on PostgreSQL wait instead of working from a stale count.
     */
    public abstract String forUpdate();

    /**
     * Makes other transactions that lock any of these names wait until this one ends: on
     * PostgreSQL a transaction-scoped advisory lock per name; on SQLite nothing, as its one writer
     * runs transactions one after the other.
     */
    public abstract void lockNames(Handle h, Collection<String> names);

    /** A name as a 64-bit advisory lock key (FNV-1a). */
    static long key(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** A table or column name quoted for SQL; both databases take double quotes. */
    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

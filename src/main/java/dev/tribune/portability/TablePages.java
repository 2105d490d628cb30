package dev.tribune.portability;

import dev.tribune.store.Catalog;
import org.jdbi.v3.core.Handle;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static dev.tribune.store.Dialect.quote;

/** Reads a table a batch at a time in primary-key order (keyset, never OFFSET), with values as the driver returns them. */
final class TablePages {
    static final int BATCH = 1000;

    /** The next batch of rows after a key (null: from the start), in primary-key order. */
    static List<Object[]> after(Handle h, Catalog.Table t, Object[] after) {
        List<String> pk = t.primaryKey();
        String key = pk.stream().map(c -> quote(c)).collect(Collectors.joining(", "));
        String where = after == null ? "" : pk.size() == 1 ? " where " + key + " > ?"
                : " where (" + key + ") > (" + pk.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        String sql = "select " + t.columnNames().stream().map(c -> quote(c)).collect(Collectors.joining(", "))
                + " from " + quote(t.name()) + where + " order by " + key + " limit " + BATCH;
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            if (after != null) for (int i = 0; i < after.length; i++) ps.setObject(i + 1, after[i]);
            List<Object[]> rows = new ArrayList<>(BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                int n = t.columnNames().size();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + t.name() + ": " + e.getMessage(), e);
        }
    }

    /** The primary-key values of a row, for the next page. */
    static Object[] keyOf(Catalog.Table t, Object[] row) {
        return t.primaryKey().stream().map(c -> row[t.columnNames().indexOf(c)]).toArray();
    }

    private TablePages() {}
}

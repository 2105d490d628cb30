package dev.tribune.portability;

import dev.tribune.domain.Refusal;
import dev.tribune.store.Catalog;
import dev.tribune.store.Database;
import org.jdbi.v3.core.Handle;

import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.tribune.store.Dialect.quote;

/**
 * Copies a whole newsroom from one database to another (SQLite to PostgreSQL, usually), keeping
 * every id, then proves the copy with a row count and checksum per table on both sides ({@link CopyReport}).
 *
 * <p>Tables go in dependency order, in batches keyed by primary key, each batch upserted in its
 * own transaction: an interrupted copy is finished by running it again. A target that already
 * holds a different newsroom is refused. Rows the target has and the source lacks are not
 * deleted; the verification reports them.
 */
public final class DatabaseCopy {
    private final Database from;
    private final Database to;
    private final PrintStream progress;

    /** progress gets a line per table (and per few batches of a big one). */
    public DatabaseCopy(Database from, Database to, PrintStream progress) {
        this.from = from;
        this.to = to;
        this.progress = progress;
    }

    /** Copies every table, resets the target's id sequences, and verifies. */
    public CopyReport run() {
        Catalog source = from.catalog();
        Catalog target = to.catalog();
        checkSchemas(source, target);
        checkSameNewsroom();
        progress.println("copying " + from.description() + " to " + to.description());
        for (String table : source.dependencyOrder()) copy(source.tables().get(table), target.tables().get(table));
        to.update(h -> {
            try {
                to.dialect().restartIdentities(h.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reset the id sequences: " + e.getMessage(), e);
            }
        });
        progress.println("verifying ...");
        return CopyReport.compare(from, to, source);
    }

    private void checkSchemas(Catalog source, Catalog target) {
        for (Catalog.Table t : source.tables().values()) {
            Catalog.Table other = target.tables().get(t.name());
            if (other == null) {
                throw new Refusal(409, "schema-differs", "The target has no table " + t.name() + "; are both databases on the same Tribune version?");
            }
            List<String> missing = t.columnNames().stream().filter(c -> other.column(c) == null).toList();
            if (!missing.isEmpty()) {
                throw new Refusal(409, "schema-differs", "The target's table " + t.name() + " lacks the columns " + missing + ".");
            }
            if (t.primaryKey().isEmpty()) {
                throw new Refusal(409, "no-primary-key", "Table " + t.name() + " has no primary key to copy it by.");
            }
        }
    }

    /** A target that already has sites must have the source's sites under the same ids: a previous run of this copy. */
    private void checkSameNewsroom() {
        Map<Long, String> sourceSites = sites(from);
        for (var site : sites(to).entrySet()) {
            if (!site.getValue().equals(sourceSites.get(site.getKey()))) {
                throw new Refusal(409, "target-holds-another-newsroom", "The target database already holds site " + site.getKey()
                        + " (" + site.getValue() + "), which the source does not have under that id; copy into an empty database.");
            }
        }
    }

    private static Map<Long, String> sites(Database db) {
        return db.read(h -> h.createQuery("select id, host from site").reduceRows(new HashMap<Long, String>(), (m, r) -> {
            m.put(r.getColumn("id", Long.class), r.getColumn("host", String.class));
            return m;
        }));
    }

    /** A self-reference to a row not copied yet, set after the whole table is in. */
    private record LaterLink(String column, Object id, Object value) {}

    private void copy(Catalog.Table t, Catalog.Table targetTable) {
        List<String> cols = t.columnNames();
        long total = from.read(h -> h.createQuery("select count(*) from " + quote(t.name())).mapTo(Long.class).one());
        String upsert = upsertSql(t);
        int[] nullTypes = cols.stream().mapToInt(c -> "integer".equals(targetTable.column(c).type()) ? Types.BIGINT : Types.VARCHAR).toArray();
        List<LaterLink> later = new ArrayList<>();
        Object[] last = null;
        long done = 0;
        int batches = 0;
        while (true) {
            Object[] after = last;
            List<Object[]> rows = from.read(h -> TablePages.after(h, t, after));
            if (rows.isEmpty()) break;
            deferForwardLinks(t, rows, later);
            to.update(h -> insert(h, upsert, rows, nullTypes));
            done += rows.size();
            last = TablePages.keyOf(t, rows.get(rows.size() - 1));
            if (++batches % 20 == 0) progress.printf("  %-18s %,d / %,d rows%n", t.name(), done, total);
        }
        if (!later.isEmpty()) {
            to.update(h -> {
                for (LaterLink l : later) {
                    h.createUpdate("update " + quote(t.name()) + " set " + quote(l.column()) + " = :v where " + quote(t.primaryKey().get(0)) + " = :id")
                            .bind("v", l.value()).bind("id", l.id()).execute();
                }
            });
        }
        progress.printf("  %-18s %,d rows copied%n", t.name(), done);
    }

    /**
     * Rows go in primary-key order, so a comment's parent (an older, smaller id) is already in.
     * A link forward to a row not yet copied goes in as null and is set once the table is complete.
     */
    private static void deferForwardLinks(Catalog.Table t, List<Object[]> rows, List<LaterLink> later) {
        if (t.primaryKey().size() != 1) return;
        int pk = t.columnNames().indexOf(t.primaryKey().get(0));
        for (Catalog.ForeignKey fk : t.selfReferences()) {
            if (fk.columns().size() != 1) continue;
            int col = t.columnNames().indexOf(fk.columns().get(0));
            for (Object[] row : rows) {
                if (row[col] instanceof Number ref && row[pk] instanceof Number id && ref.longValue() >= id.longValue()) {
                    later.add(new LaterLink(fk.columns().get(0), row[pk], row[col]));
                    row[col] = null;
                }
            }
        }
    }

    private static String upsertSql(Catalog.Table t) {
        String cols = t.columnNames().stream().map(c -> quote(c)).collect(Collectors.joining(", "));
        String marks = t.columnNames().stream().map(c -> "?").collect(Collectors.joining(", "));
        String key = t.primaryKey().stream().map(c -> quote(c)).collect(Collectors.joining(", "));
        List<String> rest = t.columnNames().stream().filter(c -> !t.primaryKey().contains(c)).toList();
        String onConflict = rest.isEmpty() ? "do nothing"
                : "do update set " + rest.stream().map(c -> quote(c) + " = excluded." + quote(c)).collect(Collectors.joining(", "));
        return "insert into " + quote(t.name()) + " (" + cols + ") values (" + marks + ") on conflict (" + key + ") " + onConflict;
    }

    private static void insert(Handle h, String sql, List<Object[]> rows, int[] nullTypes) {
        try (PreparedStatement ps = h.getConnection().prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    Object v = row[i];
                    if (v == null) ps.setNull(i + 1, nullTypes[i]);
                    else if (nullTypes[i] == Types.BIGINT && v instanceof Number n) ps.setLong(i + 1, n.longValue());
                    else if (nullTypes[i] == Types.VARCHAR) ps.setString(i + 1, v.toString());
                    else ps.setObject(i + 1, v);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new IllegalStateException("cannot write to the target: " + cause.getMessage(), e);
        }
    }

}

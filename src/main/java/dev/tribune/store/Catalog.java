package dev.tribune.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tribune's tables as a database's own catalog describes them (columns, keys, indexes), in a
 * form that reads the same on SQLite and PostgreSQL: the schema parity test and migrate-db use it.
 */
public record Catalog(Map<String, Table> tables) {

    /** A column: its name, its type family ("integer", "real" or "text") and whether it refuses nulls. */
    public record Column(String name, String type, boolean notNull) {}

    /** A foreign key: these columns reference those of another (or the same) table. */
    public record ForeignKey(List<String> columns, String table, List<String> referenced) {}

    /**
     * One table. uniqueKeys are column lists with a unique constraint or index besides the primary
     * key; indexes are the indexes created by name (not those behind a constraint), name to columns.
     */
    public record Table(String name, List<Column> columns, List<String> primaryKey, Set<ForeignKey> foreignKeys,
                        Set<List<String>> uniqueKeys, Map<String, List<String>> indexes) {
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        public Column column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        }

        /** Foreign keys of this table that point at the table itself (comment.parent_id). */
        public List<ForeignKey> selfReferences() {
            return foreignKeys.stream().filter(f -> f.table().equals(name)).toList();
        }
    }

    /** Tables that belong to the tools, not to Tribune: migration history and SQLite internals. */
    private static boolean isTribuneTable(String name) {
        return !name.startsWith("sqlite_") && !name.startsWith("flyway_");
    }

    /** Reads the catalog of the database behind a connection. */
    public static Catalog read(Connection c, Dialect dialect) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = dialect.schema(c);
        Set<String> constraintIndexes = dialect.constraintIndexes(c);
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String n = lower(rs, "TABLE_NAME");
                if (isTribuneTable(n)) names.add(n);
            }
        }
        Map<String, Table> tables = new TreeMap<>();
        for (String t : names) {
            List<String> pk = primaryKey(md, schema, t);
            tables.put(t, new Table(t, columns(md, schema, t, pk), pk, foreignKeys(md, schema, t),
                    uniqueKeys(md, schema, t, pk), namedIndexes(md, schema, t, constraintIndexes)));
        }
        return new Catalog(tables);
    }

    /** Table names so that every table comes after the tables it references (self-references aside). */
    public List<String> dependencyOrder() {
        List<String> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (order.size() < tables.size()) {
            boolean progress = false;
            for (Table t : tables.values()) {
                if (placed.contains(t.name())) continue;
                boolean ready = t.foreignKeys().stream().allMatch(f -> f.table().equals(t.name())
                        || placed.contains(f.table()) || !tables.containsKey(f.table()));
                if (ready) {
                    order.add(t.name());
                    placed.add(t.name());
                    progress = true;
                }
            }
            if (!progress) throw new IllegalStateException("the tables reference each other in a cycle: "
                    + tables.keySet().stream().filter(n -> !placed.contains(n)).toList());
        }
        return order;
    }

    private static List<String> primaryKey(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<Integer, String> cols = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) cols.put(rs.getInt("KEY_SEQ"), lower(rs, "COLUMN_NAME"));
        }
        return List.copyOf(cols.values());
    }

    private static List<Column> columns(DatabaseMetaData md, String schema, String table, List<String> pk) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                String n = lower(rs, "COLUMN_NAME");
                // SQLite reports key columns as nullable even though they never hold null.
                boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls || pk.contains(n);
                columns.add(new Column(n, family(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")), notNull));
            }
        }
        return List.copyOf(columns);
    }

    private static Set<ForeignKey> foreignKeys(DatabaseMetaData md, String schema, String table) throws SQLException {
        // Rows of one key share a key sequence that restarts at 1 for the next key.
        List<ForeignKey> keys = new ArrayList<>();
        try (ResultSet rs = md.getImportedKeys(null, schema, table)) {
            List<String> cols = null;
            List<String> refs = null;
            String target = null;
            while (rs.next()) {
                if (rs.getInt("KEY_SEQ") == 1 || cols == null) {
                    if (cols != null) keys.add(new ForeignKey(List.copyOf(cols), target, List.copyOf(refs)));
                    cols = new ArrayList<>();
                    refs = new ArrayList<>();
                    target = lower(rs, "PKTABLE_NAME");
                }
                cols.add(lower(rs, "FKCOLUMN_NAME"));
                refs.add(lower(rs, "PKCOLUMN_NAME"));
            }
            if (cols != null) keys.add(new ForeignKey(List.copyOf(cols), target, List.copyOf(refs)));
        }
        return Set.copyOf(keys);
    }

    /** Index name to its columns in order, and which indexes are unique. */
    private record Indexes(Map<String, List<String>> columns, Set<String> unique) {}

    private static Indexes indexes(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<String, Map<Short, String>> byIndex = new TreeMap<>();
        Set<String> unique = new HashSet<>();
        try (ResultSet rs = md.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                String idx = lower(rs, "INDEX_NAME");
                String col = lower(rs, "COLUMN_NAME");
                if (idx == null || col == null) continue;
                byIndex.computeIfAbsent(idx, k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), col);
                if (!rs.getBoolean("NON_UNIQUE")) unique.add(idx);
            }
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        byIndex.forEach((name, cols) -> columns.put(name, List.copyOf(cols.values())));
        return new Indexes(columns, unique);
    }

    private static Set<List<String>> uniqueKeys(DatabaseMetaData md, String schema, String table, List<String> pk) throws SQLException {
        Indexes ix = indexes(md, schema, table);
        Set<List<String>> keys = new TreeSet<>((a, b) -> String.join(",", a).compareTo(String.join(",", b)));
        ix.columns().forEach((name, cols) -> {
            if (ix.unique().contains(name) && !cols.equals(pk)) keys.add(cols);
        });
        return keys;
    }

    private static Map<String, List<String>> namedIndexes(DatabaseMetaData md, String schema, String table,
                                                          Set<String> constraintIndexes) throws SQLException {
        Map<String, List<String>> named = new TreeMap<>();
        indexes(md, schema, table).columns().forEach((name, cols) -> {
            if (!name.startsWith("sqlite_autoindex_") && !constraintIndexes.contains(name)) named.put(name, cols);
        });
        return named;
    }

    private static String family(int jdbcType, String typeName) {
        return switch (jdbcType) {
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT -> "integer";
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR -> "text";
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> "real";
            default -> typeName == null ? "unknown" : typeName.toLowerCase(Locale.ROOT);
        };
    }

    private static String lower(ResultSet rs, String col) throws SQLException {
        String v = rs.getString(col);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }
}

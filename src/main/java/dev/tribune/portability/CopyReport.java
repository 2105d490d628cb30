package dev.tribune.portability;

import dev.tribune.store.Catalog;
import dev.tribune.store.Database;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The proof of a copy: per table, the row count and a checksum of every row's values on the
 * source and on the target. The checksum is a sum of row digests, so row order does not matter.
 */
public record CopyReport(List<CopyReport.TableCheck> tables) {

    /** One table's numbers on both sides. */
    public record TableCheck(String table, long sourceRows, long targetRows, String sourceChecksum, String targetChecksum) {
        public boolean matches() {
            return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
        }
    }

    /** Counts and checksums every table of the source catalog on both sides. */
    public static CopyReport compare(Database from, Database to, Catalog source) {
        List<TableCheck> checks = new ArrayList<>();
        for (String table : source.dependencyOrder()) {
            Catalog.Table t = source.tables().get(table);
            Sum a = checksum(from, t);
            Sum b = checksum(to, t);
            checks.add(new TableCheck(table, a.rows, b.rows, a.hex(), b.hex()));
        }
        return new CopyReport(checks);
    }

    public boolean matches() {
        return tables.stream().allMatch(TableCheck::matches);
    }

    /** The report as a text table, one line per table. */
    public String text() {
        StringBuilder s = new StringBuilder(String.format("%-18s %12s %12s  %-16s  %-16s  %s%n",
                "table", "source rows", "target rows", "source checksum", "target checksum", "result"));
        for (TableCheck t : tables) {
            s.append(String.format("%-18s %,12d %,12d  %-16s  %-16s  %s%n", t.table(), t.sourceRows(), t.targetRows(),
                    t.sourceChecksum(), t.targetChecksum(), t.matches() ? "same" : "DIFFERENT"));
        }
        return s.toString();
    }

    /** A table's row count and the sum of its row digests. */
    private static final class Sum {
        long rows;
        long total;

        String hex() {
            return String.format("%016x", total);
        }
    }

    private static Sum checksum(Database db, Catalog.Table t) {
        Sum sum = new Sum();
        Object[] last = null;
        while (true) {
            Object[] after = last;
            List<Object[]> rows = db.read(h -> TablePages.after(h, t, after));
            if (rows.isEmpty()) return sum;
            for (Object[] row : rows) {
                sum.rows++;
                sum.total += digest(row);
            }
            last = TablePages.keyOf(t, rows.get(rows.size() - 1));
        }
    }

    /** A row's digest over its values as either database returns them: integers as numbers, text as UTF-8. */
    static long digest(Object[] row) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Object v : row) {
                String s = v == null ? "n" : v instanceof Number n ? "i" + n.longValue() : "t" + v;
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                md.update(ByteBuffer.allocate(4).putInt(b.length).array());
                md.update(b);
            }
            return ByteBuffer.wrap(md.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

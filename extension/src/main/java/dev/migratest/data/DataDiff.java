package dev.migratest.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares two data snapshots table by table and column by column, for what exists in both: a table or column that
 * one phase creates and the other drops is the schema's story; one that comes back empty is data loss.
 */
public final class DataDiff {

    private DataDiff() {
    }

    /**
     * @param what       what the comparison is, e.g. {@code "after DOWN"}: the lines read "… after DOWN"
     * @param checksums  compare values too (S0 vs S2); {@code false} compares counts only (S1 vs S3, where a second
     *                   UP may legitimately write new identity values or timestamps)
     * @return one line per difference, empty when the data is the same
     */
    public static List<String> between(DataSnapshot before, DataSnapshot after, String what, boolean checksums) {
        List<String> lines = new ArrayList<>();
        for (TableFingerprint then : before.tables().values()) {
            TableFingerprint now = after.tables().get(then.table());
            if (now == null) continue;
            if (now.rows() < then.rows()) {
                lines.add(then.table() + ": " + count(then.rows() - now.rows()) + " of " + count(then.rows())
                        + " rows missing " + what);
            } else if (now.rows() > then.rows()) {
                lines.add(then.table() + ": " + count(now.rows() - then.rows()) + " rows more " + what + " ("
                        + count(now.rows()) + " instead of " + count(then.rows()) + ")");
            }
            for (ColumnFingerprint column : then.columns().values()) {
                ColumnFingerprint later = now.columns().get(column.column());
                if (later == null) continue;
                String name = then.table() + "." + column.column();
                if (later.nonNull() < column.nonNull() && now.rows() >= then.rows()) {
                    lines.add(name + " — " + count(column.nonNull() - later.nonNull()) + " of " + count(then.rows())
                            + " values are now NULL " + what);
                } else if (later.nonNull() > column.nonNull() && now.rows() <= then.rows()) {
                    lines.add(name + " — " + count(later.nonNull() - column.nonNull())
                            + " values that were NULL are not any more " + what);
                } else if (checksums && later.nonNull() == column.nonNull() && now.rows() == then.rows()
                        && later.checksum() != column.checksum()) {
                    lines.add(name + " — values changed " + what + " (same rows, same NULLs, different values:"
                            + " a lossy round trip)");
                }
            }
        }
        return lines;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}

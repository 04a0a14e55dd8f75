package dev.migratest.locks;

/**
 * What a statement did to one table's rows, from the statistics Postgres keeps per transaction.
 *
 * @param table    schema-qualified table name
 * @param seqScans sequential scans of the table: validations, rewrites, index builds, unindexed DML
 * @param inserted rows inserted
 * @param updated  rows updated
 * @param deleted  rows deleted
 */
public record TableActivity(String table, long seqScans, long inserted, long updated, long deleted) {

    public boolean scanned() {
        return seqScans > 0;
    }

    public long rowsWritten() {
        return inserted + updated + deleted;
    }
}

package dev.migratest.datagen;

import java.util.concurrent.atomic.AtomicLong;

/** Counts the rows of one load for a {@link LoadProgress}, by wrapping the row writers given to {@link RowReader}. */
final class ProgressCounter {

    /** Rows between two reports of a table (and its last row). */
    static final int EVERY = 4096;

    private final LoadProgress listener;
    private final long target;
    private final AtomicLong done = new AtomicLong();

    ProgressCounter(LoadProgress listener, long target) {
        this.listener = listener;
        this.target = target;
    }

    void started() {
        listener.started(target);
    }

    void finished() {
        listener.finished(done.get());
    }

    /** {@code writer}, reporting every {@link #EVERY} rows of {@code table} (rows 0 … tableTarget - 1) and its last. */
    RowReader.RowWriter counting(TableName table, long tableTarget, RowReader.RowWriter writer) {
        if (listener == LoadProgress.NONE) {
            return writer;
        }
        return new RowReader.RowWriter() {
            private long rows;
            private long reported;

            @Override
            public void append(long row, StringBuilder out) {
                writer.append(row, out);
                rows++;
                if (rows - reported >= EVERY || rows == tableTarget) {
                    long total = done.addAndGet(rows - reported);
                    reported = rows;
                    listener.progressed(table, rows, tableTarget, total, target);
                }
            }
        };
    }
}

package dev.migratest.datagen;

import java.io.Reader;

/**
 * COPY text rendered on demand, a chunk of rows at a time: a table is never held in memory whole.
 */
final class RowReader extends Reader {

    /** Renders one row (with its newline) into the buffer. */
    @FunctionalInterface
    interface RowWriter {
        void append(long row, StringBuilder out);
    }

    private static final int CHUNK_ROWS = 512;

    private final RowWriter writer;
    private final long end;
    private long next;
    private final StringBuilder buffer = new StringBuilder(64 * 1024);
    private int position;

    RowReader(RowWriter writer, long start, long end) {
        this.writer = writer;
        this.next = start;
        this.end = end;
    }

    @Override
    public int read(char[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == buffer.length()) {
            if (next >= end) {
                return -1;
            }
            buffer.setLength(0);
            position = 0;
            long stop = Math.min(end, next + CHUNK_ROWS);
            for (; next < stop; next++) {
                writer.append(next, buffer);
            }
        }
        int n = Math.min(length, buffer.length() - position);
        buffer.getChars(position, position + n, target, offset);
        position += n;
        return n;
    }

    @Override
    public void close() {
        next = end;
        buffer.setLength(0);
        position = 0;
    }
}

package dev.migratest.datagen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * COPY text as UTF-8 bytes, rendered and encoded on a thread of its own a chunk of rows ahead, so that generating
 * rows overlaps with the server parsing and indexing the previous chunk instead of alternating with it. The bytes are
 * those of {@link RowReader} over the same rows, in the same order: rows are pure functions of their index, so the
 * thread changes when they are made, never what they are. At most {@link #AHEAD} chunks wait in memory.
 */
final class RenderedRows extends InputStream {

    static final int CHUNK_ROWS = 2048;
    static final int AHEAD = 4;

    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(AHEAD);
    private final Thread producer;
    private volatile Throwable failure;
    private volatile boolean closed;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    RenderedRows(RowReader.RowWriter writer, long start, long end, String threadName) {
        producer = new Thread(() -> produce(writer, start, end), threadName);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(RowReader.RowWriter writer, long start, long end) {
        StringBuilder buffer = new StringBuilder(256 * 1024);
        try {
            for (long next = start; next < end && !closed; ) {
                buffer.setLength(0);
                long stop = Math.min(end, next + CHUNK_ROWS);
                for (; next < stop; next++) {
                    writer.append(next, buffer);
                }
                chunks.put(buffer.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            return; // closed by the consumer
        } catch (Throwable e) {
            failure = e;
        }
        try {
            chunks.put(END);
        } catch (InterruptedException ignored) {
            // closed by the consumer
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for rows", e);
            }
            position = 0;
            if (current == END) {
                ended = true;
                if (failure != null) {
                    throw new IOException("rendering rows failed: " + failure, failure);
                }
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        chunks.clear();
    }
}

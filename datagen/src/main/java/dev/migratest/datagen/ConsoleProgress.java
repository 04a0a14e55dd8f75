package dev.migratest.datagen;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Prints {@code [datagen] orders 420 000 / 1 000 000 rows, 310 000 rows/s, ETA 2 s}: the table rows last went to,
 * then rows and speed of the whole load. Silent during the first second (short loads print nothing), then at most a
 * line every two seconds, and a closing line if anything was printed.
 */
final class ConsoleProgress implements LoadProgress {

    static final long QUIET_NANOS = 1_000_000_000L;
    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final LongSupplier nanoTime;
    private final Consumer<String> out;
    private long start = Long.MIN_VALUE;
    private long lastPrint = Long.MIN_VALUE;
    private boolean printed;

    ConsoleProgress(LongSupplier nanoTime, Consumer<String> out) {
        this.nanoTime = nanoTime;
        this.out = out;
    }

    /** Whether to print, from system property {@code migratest.progress} and environment variable {@code CI}. */
    static boolean enabled(String property, String ci) {
        if (property != null && !property.isBlank()) {
            return !property.trim().equalsIgnoreCase("false");
        }
        return ci == null || ci.isBlank() || ci.trim().equalsIgnoreCase("false");
    }

    @Override
    public synchronized void started(long loadTarget) {
        start = nanoTime.getAsLong();
    }

    @Override
    public synchronized void progressed(TableName table, long tableRows, long tableTarget, long loadRows, long loadTarget) {
        long now = nanoTime.getAsLong();
        if (start == Long.MIN_VALUE) {
            start = now;
        }
        if (now - start < QUIET_NANOS || printed && now - lastPrint < INTERVAL_NANOS || loadRows >= loadTarget) {
            return;
        }
        lastPrint = now;
        printed = true;
        String name = table.schema().equals("public") ? table.name() : table.toString();
        out.accept(line(name, loadRows, loadTarget, (now - start) / 1e9));
    }

    @Override
    public synchronized void finished(long loadRows) {
        if (printed) {
            double seconds = (nanoTime.getAsLong() - start) / 1e9;
            out.accept(String.format(Locale.ROOT, "[datagen] %s rows in %.1f s, %s rows/s", group(loadRows), seconds,
                    group(Math.round(loadRows / Math.max(seconds, 1e-9)))));
        }
    }

    /** {@code [datagen] orders 420 000 / 1 000 000 rows, 310 000 rows/s, ETA 2 s} */
    static String line(String table, long done, long target, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? ", ETA " + duration((long) Math.ceil((target - done) / rate)) : "";
        return "[datagen] " + table + " " + group(done) + " / " + group(target) + " rows, " + group(Math.round(rate))
                + " rows/s" + eta;
    }

    /** {@code 1 000 000} */
    static String group(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** {@code 2 s}, {@code 3 min 5 s}, {@code 2 h 0 min} */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}

package dev.migratest.datagen;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Prints {@code [datagen] orders 420 000 / 1 000 000 rows, 310 000 rows/s, ETA 2 s}: the table rows last went to,
 * then rows and speed of the whole load. Silent during the first second (short loads print nothing), then as often as
 * the {@link Mode} says, and a closing line if anything was printed. On a terminal the line redraws itself in place;
 * anywhere else (build tools, CI logs) each update is a plain line of its own.
 */
final class ConsoleProgress implements LoadProgress {

    static final long QUIET_NANOS = 1_000_000_000L;

    /** How progress is shown where it goes. */
    enum Mode {
        /** An interactive terminal: one line, redrawn with a carriage return twice a second. */
        TERMINAL(500_000_000L, true),
        /** A build tool's output: a plain line every two seconds. */
        PLAIN(2_000_000_000L, false),
        /** A CI log, read after the fact: a plain line every ten seconds is enough to see a load moving. */
        CI(10_000_000_000L, false);

        final long intervalNanos;
        final boolean redraw;

        Mode(long intervalNanos, boolean redraw) {
            this.intervalNanos = intervalNanos;
            this.redraw = redraw;
        }

        /**
         * From system property {@code migratest.progress} ({@code false} turns progress off), the environment variable
         * {@code CI} and whether the JVM has an interactive console ({@code System.console()}, which looks at standard
         * input and output: standard error redirected to a file alone still gets redraws); {@code null} when nothing is
         * to be printed.
         */
        static Mode of(String property, String ci, boolean terminal) {
            if (property != null && property.trim().equalsIgnoreCase("false")) return null;
            if (ci != null && !ci.isBlank() && !ci.trim().equalsIgnoreCase("false")) return CI;
            return terminal ? TERMINAL : PLAIN;
        }
    }

    private final LongSupplier nanoTime;
    private final Consumer<String> out;
    private final Mode mode;
    private long start = Long.MIN_VALUE;
    private long lastPrint = Long.MIN_VALUE;
    private boolean printed;
    private int lastWidth;

    /** Plain lines every two seconds, each handed to {@code out} without a line end. */
    ConsoleProgress(LongSupplier nanoTime, Consumer<String> out) {
        this(nanoTime, out, Mode.PLAIN);
    }

    /**
     * @param out receives each line without a line end in the plain modes; in {@link Mode#TERMINAL} it receives the
     *            raw text to print, carriage returns and the final line end included
     */
    ConsoleProgress(LongSupplier nanoTime, Consumer<String> out, Mode mode) {
        this.nanoTime = nanoTime;
        this.out = out;
        this.mode = mode;
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
        if (now - start < QUIET_NANOS || printed && now - lastPrint < mode.intervalNanos || loadRows >= loadTarget) {
            return;
        }
        lastPrint = now;
        printed = true;
        String name = table.schema().equals("public") ? table.name() : table.toString();
        show(line(name, loadRows, loadTarget, (now - start) / 1e9), false);
    }

    private void show(String line, boolean last) {
        if (!mode.redraw) {
            out.accept(line);
            return;
        }
        // pad over the rest of a longer previous line, then stay on the line until the load is over
        String padding = " ".repeat(Math.max(0, lastWidth - line.length()));
        lastWidth = line.length();
        out.accept("\r" + line + padding + (last ? System.lineSeparator() : ""));
    }

    @Override
    public synchronized void finished(long loadRows) {
        if (printed) {
            double seconds = (nanoTime.getAsLong() - start) / 1e9;
            show(String.format(Locale.ROOT, "[datagen] %s rows in %.1f s, %s rows/s", group(loadRows), seconds,
                    group(Math.round(loadRows / Math.max(seconds, 1e-9)))), true);
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

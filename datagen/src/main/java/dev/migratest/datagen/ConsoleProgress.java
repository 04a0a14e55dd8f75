package dev.migratest.datagen;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Prints what a run of loads has written so far, e.g.
 * {@code [datagen] 1 420 000 rows into 4 tables in 5.2 s, 273 000 rows/s; this load: 420 000 / 1 000 000 rows, ETA 2 s (orders)}:
 * rows, tables and time spent loading of every load it heard (a test class tops its tables up before each
 * migration, and each of those loads may be short), then the load under way, named by the table rows last went to.
 * Silent until loading has taken a second in total (a short run prints nothing), then as often as the {@link Mode}
 * says; a load during which a line was printed ends with a line of the totals. On a terminal the line redraws itself
 * in place and is ended when its load is; anywhere else (build tools, CI logs) each update is a plain line of its own.
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

    private static final long NONE = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final Consumer<String> out;
    private final Mode mode;

    // the loads that are over
    private long loadingNanosBefore;
    private long rowsBefore;
    private int tablesBefore;

    // the load under way
    private long loadStart = NONE;
    private long lastHeard;
    private long loadRows;
    private final Set<TableName> loadTables = new HashSet<>();

    private long lastPrint = NONE;
    private boolean printedDuringLoad;
    private int lastWidth;

    /** Plain lines every two seconds, each handed to {@code out} without a line end. */
    ConsoleProgress(LongSupplier nanoTime, Consumer<String> out) {
        this(nanoTime, out, Mode.PLAIN);
    }

    /**
     * @param out receives each line without a line end in the plain modes; in {@link Mode#TERMINAL} it receives the
     *            raw text to print, carriage returns and line ends included
     */
    ConsoleProgress(LongSupplier nanoTime, Consumer<String> out, Mode mode) {
        this.nanoTime = nanoTime;
        this.out = out;
        this.mode = mode;
    }

    @Override
    public synchronized void started(long loadTarget) {
        long now = nanoTime.getAsLong();
        if (loadStart != NONE) {
            endLoad(lastHeard); // the previous load failed: what it wrote until then took the time it took
        }
        loadStart = now;
        lastHeard = now;
    }

    @Override
    public synchronized void progressed(TableName table, long tableRows, long tableTarget, long loadRows, long loadTarget) {
        long now = nanoTime.getAsLong();
        if (loadStart == NONE) {
            loadStart = now;
        }
        lastHeard = now;
        this.loadRows = loadRows;
        loadTables.add(table);
        long loading = loadingNanosBefore + now - loadStart;
        if (loading < QUIET_NANOS || lastPrint != NONE && now - lastPrint < mode.intervalNanos || loadRows >= loadTarget) {
            return;
        }
        lastPrint = now;
        printedDuringLoad = true;
        String name = table.schema().equals("public") ? table.name() : table.toString();
        show(line(rowsBefore + loadRows, tablesBefore + loadTables.size(), loading / 1e9)
                + current(name, loadRows, loadTarget, (rowsBefore + loadRows) / (loading / 1e9)), false);
    }

    @Override
    public synchronized void finished(long loadRows) {
        long now = nanoTime.getAsLong();
        if (loadStart == NONE) {
            loadStart = now;
        }
        this.loadRows = loadRows;
        boolean lineOfThisLoad = printedDuringLoad;
        endLoad(now);
        boolean due = loadingNanosBefore >= QUIET_NANOS && (lastPrint == NONE || now - lastPrint >= mode.intervalNanos);
        if (lineOfThisLoad || due) {
            lastPrint = now;
            show(line(rowsBefore, tablesBefore, loadingNanosBefore / 1e9), true);
        }
    }

    /** Adds the load under way, over at {@code end}, to the totals. */
    private void endLoad(long end) {
        loadingNanosBefore += end - loadStart;
        rowsBefore += loadRows;
        tablesBefore += loadTables.size();
        loadStart = NONE;
        loadRows = 0;
        loadTables.clear();
        printedDuringLoad = false;
    }

    private void show(String line, boolean last) {
        if (!mode.redraw) {
            out.accept(line);
            return;
        }
        // pad over the rest of a longer previous line, then stay on the line until the load is over
        String padding = " ".repeat(Math.max(0, lastWidth - line.length()));
        lastWidth = last ? 0 : line.length();
        out.accept("\r" + line + padding + (last ? System.lineSeparator() : ""));
    }

    /** {@code [datagen] 1 420 000 rows into 4 tables in 5.2 s, 273 000 rows/s} */
    static String line(long rows, int tables, double seconds) {
        return String.format(Locale.ROOT, "[datagen] %s rows into %d table%s in %.1f s, %s rows/s", group(rows), tables,
                tables == 1 ? "" : "s", seconds, group(Math.round(seconds > 0 ? rows / seconds : 0)));
    }

    /** {@code ; this load: 420 000 / 1 000 000 rows, ETA 2 s (orders)}, the table rows last went to in brackets */
    static String current(String table, long done, long target, double rowsPerSecond) {
        String eta = rowsPerSecond > 0 ? ", ETA " + duration((long) Math.ceil((target - done) / rowsPerSecond)) : "";
        return "; this load: " + group(done) + " / " + group(target) + " rows" + eta + " (" + table + ")";
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

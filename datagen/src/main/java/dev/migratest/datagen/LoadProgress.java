package dev.migratest.datagen;

/**
 * Hears how far a {@link DataLoader#load} is, counted as rows are handed to COPY; one listener may hear several loads
 * one after another, each from {@link #started} to {@link #finished}. Tables load in parallel, so the methods may be
 * called from several threads at once. {@link #console()} is what a loader uses unless told otherwise.
 */
public interface LoadProgress {

    /** Hears nothing. */
    LoadProgress NONE = (table, tableRows, tableTarget, loadRows, loadTarget) -> { };

    /** The load starts; it will write {@code loadTarget} rows in all. */
    default void started(long loadTarget) {
    }

    /**
     * More rows were handed to COPY.
     *
     * @param table       the table they went to
     * @param tableRows   rows of that table so far
     * @param tableTarget rows that table gets
     * @param loadRows    rows of the whole load so far
     * @param loadTarget  rows the whole load writes
     */
    void progressed(TableName table, long tableRows, long tableTarget, long loadRows, long loadTarget);

    /** The load is over (not called when it failed). */
    default void finished(long loadRows) {
    }

    /**
     * A {@link ConsoleProgress} on standard error, {@link #NONE} when system property {@code migratest.progress} is
     * {@code false}: a line redrawn in place on a terminal, plain lines every two seconds elsewhere, every ten seconds
     * when the environment variable {@code CI} is set. It tells what every load it hears has written so far, so give
     * one to all the loads of a run (e.g. {@link TopUp#progress}) to see the run move even when each load is short;
     * it prints once loading has taken a second in total.
     */
    static LoadProgress console() {
        ConsoleProgress.Mode mode = ConsoleProgress.Mode.of(System.getProperty("migratest.progress"), System.getenv("CI"),
                System.console() != null);
        if (mode == null) return NONE;
        return new ConsoleProgress(System::nanoTime, mode.redraw ? text -> {
            System.err.print(text);
            System.err.flush();
        } : System.err::println, mode);
    }
}

package dev.migratest.datagen;

/**
 * Hears how far a {@link DataLoader#load} is, counted as rows are handed to COPY. Tables load in parallel, so the
 * methods may be called from several threads at once. {@link #console()} is what a loader uses unless told otherwise.
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
     * A {@link ConsoleProgress} on standard error when appropriate, else {@link #NONE}: system property
     * {@code migratest.progress=true} or {@code false} decides; without it, quiet when the environment variable
     * {@code CI} is set (build logs need no progress lines).
     */
    static LoadProgress console() {
        return ConsoleProgress.enabled(System.getProperty("migratest.progress"), System.getenv("CI"))
                ? new ConsoleProgress(System::nanoTime, System.err::println)
                : NONE;
    }
}

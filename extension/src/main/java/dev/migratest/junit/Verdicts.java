package dev.migratest.junit;

import dev.migratest.report.Verdict;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict of each migration of one class's rehearsal, recorded when its test has run. A class with several
 * {@code @MigrationCycleTest} methods tests each migration several times: the verdicts combine
 * ({@link Verdict#and}), so the worst one wins and every failing method's reason is kept.
 */
final class Verdicts {
    private final Map<Integer, Verdict> byIndex = new HashMap<>();

    /** Records the verdict of one test of migration {@code index}. */
    synchronized void record(int index, Verdict verdict) {
        byIndex.merge(index, verdict, Verdict::and);
    }

    /** The combined verdict of migration {@code index}; empty when no test of it has run (another was selected). */
    synchronized Optional<Verdict> of(int index) {
        return Optional.ofNullable(byIndex.get(index));
    }
}

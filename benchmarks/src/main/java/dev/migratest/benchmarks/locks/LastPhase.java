package dev.migratest.benchmarks.locks;

import dev.migratest.runner.PhaseResult;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the traced phase of an iteration from {@link MigrationBenchmark} to {@link LockProfiler}: JMH runs both in
 * the benchmark's JVM, and an internal profiler sees only JMH's own parameters.
 */
final class LastPhase {
    private static final AtomicReference<PhaseResult> LAST = new AtomicReference<>();

    private LastPhase() {
    }

    static void record(PhaseResult phase) {
        LAST.set(phase);
    }

    /** The phase recorded since the last call, or {@code null}. */
    static PhaseResult take() {
        return LAST.getAndSet(null);
    }
}

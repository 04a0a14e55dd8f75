package dev.migratest.benchmarks.locks;

import dev.migratest.runner.PhaseResult;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code -prof dev.migratest.benchmarks.locks.LockProfiler}: adds the lock impact of each iteration's migration to
 * JMH's secondary results — {@code lock.<Mode>.maxHeldMs} per dangerous mode, {@code blocked.readsMs},
 * {@code blocked.writesMs}, {@code rewrite} (share of iterations that rewrote a table) and {@code phase.ownMs} —
 * so they appear in JMH's console output and in its JSON next to the duration.
 */
public final class LockProfiler implements InternalProfiler {

    @Override
    public String getDescription() {
        return "migratest: lock hold times, blocked reads/writes and rewrites of the measured migration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        LastPhase.take(); // nothing from an earlier iteration may leak into this one
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        PhaseResult phase = LastPhase.take();
        List<Result> results = new ArrayList<>();
        if (phase == null) return results;
        for (Map.Entry<String, Double> metric : LockMetrics.of(phase).entrySet()) {
            String unit = metric.getKey().equals("rewrite") ? "share" : "ms";
            results.add(new ScalarResult(metric.getKey(), metric.getValue(), unit, AggregationPolicy.AVG));
        }
        return results;
    }
}

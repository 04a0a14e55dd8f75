package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.locks.LockHold;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few numbers a reviewer looks at first, the same in every report (HTML overview, Markdown summary, console,
 * JUnit report entries). Lock and blocking figures are UP's: UP is what production runs on a live table.
 *
 * @param verdict        PASSED, FAILED or SKIPPED: the migration's verdict (not the rehearsal's outcome)
 * @param durationsMs    wall time per phase that ran
 * @param strongestLock  UP's strongest lock on an object that existed before it (longest hold among equals, a table
 *                       before its index); empty when UP was untraced or locked nothing pre-existing
 * @param readsBlockedMs how long UP blocked application reads (0 when it did not)
 * @param writesBlockedMs how long UP blocked application writes
 * @param rewrites       relations UP rewrote
 * @param errors         counting ERROR findings
 * @param warnings       counting WARNING findings
 * @param worstFinding   the first counting finding of the highest severity, if any
 * @param dataLost       DOWN did not give the data back (or invariants broke), declared or not
 * @param dataLossDeclared the migration declared it loses data ({@code -- migratest:allow data-loss — reason})
 */
public record MigrationFigures(Outcome verdict, Map<Phase, Double> durationsMs, Optional<LockHold> strongestLock,
                               double readsBlockedMs, double writesBlockedMs, List<String> rewrites, int errors,
                               int warnings, Optional<Finding> worstFinding, boolean dataLost,
                               boolean dataLossDeclared) {

    /** Of equal modes the longer hold wins; of equal holds the table, which the reader knows, before its index. */
    static final Comparator<LockHold> STRENGTH = Comparator.comparing(LockHold::mode)
            .thenComparingDouble(LockHold::heldMs)
            .thenComparing(l -> l.object().kind().holdsRows());

    public static MigrationFigures of(ReportedMigration migration) {
        CycleResult result = migration.result();
        List<Finding> findings = migration.findings();
        Map<Phase, Double> durations = new EnumMap<>(Phase.class);
        result.phases().forEach(p -> durations.put(p.phase(), p.durationMs()));
        Optional<PhaseResult> up = result.phase(Phase.UP);
        Optional<LockHold> strongest = up.stream().flatMap(p -> p.statements().stream())
                .filter(StatementResult::traced)
                .flatMap(s -> s.trace().locks().stream())
                .filter(l -> l.object().preExisting())
                .max(STRENGTH);
        BlockedIntervals blocked = up.map(BlockedIntervals::of).orElse(new BlockedIntervals(List.of(), List.of()));
        List<String> rewrites = up.stream().flatMap(p -> p.statements().stream()).filter(StatementResult::traced)
                .flatMap(s -> s.trace().rewrites().stream()).distinct().toList();
        List<Finding> counting = findings.stream().filter(Finding::counts).toList();
        Optional<Finding> worst = counting.stream().min(Comparator.comparing(Finding::severity));
        boolean lost = result.data() != null && result.data().lostData();
        boolean declared = result.data() != null && result.data().declaredLoss() != null;
        return new MigrationFigures(migration.verdict().status(), Map.copyOf(durations), strongest, blocked.readsMs(),
                blocked.writesMs(), rewrites, count(counting, Severity.ERROR), count(counting, Severity.WARNING),
                worst, lost, declared);
    }

    private static int count(List<Finding> findings, Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    public Optional<Double> durationMs(Phase phase) {
        return Optional.ofNullable(durationsMs.get(phase));
    }

    /**
     * How much a reviewer should look at this migration, higher first: a failure, then ERROR findings, lost data,
     * noticeably blocked reads, noticeably blocked writes, warnings, a skip; ties broken by how long the application
     * was blocked.
     */
    public double risk() {
        double score = 0;
        if (verdict == Outcome.FAILED) score += 1e15;
        score += errors * 1e12;
        if (dataLost) score += 1e11;
        // a block below the noticeable threshold only breaks ties: it is not what makes a migration risky
        if (readsBlockedMs >= NOTICEABLE_BLOCK_MS) score += 1e10;
        if (writesBlockedMs >= NOTICEABLE_BLOCK_MS) score += 1e9;
        score += Math.min(warnings, 99) * 1e7;
        if (verdict == Outcome.SKIPPED) score += 1e6 + 1;
        return score + Math.min(readsBlockedMs + writesBlockedMs, 1e6);
    }

    /**
     * Worth a reviewer's look: failed or skipped (never rehearsed), a counting finding, lost data, or the application
     * blocked for a time users notice. Shorter blocks are shown but not flagged: on a small test table nearly every
     * ALTER blocks for a millisecond, and what makes that dangerous in production (no lock_timeout) is a finding of
     * its own.
     */
    public boolean risky() {
        return verdict != Outcome.PASSED || errors + warnings > 0 || dataLost || readsBlockedMs >= NOTICEABLE_BLOCK_MS
                || writesBlockedMs >= NOTICEABLE_BLOCK_MS;
    }

    /**
     * Needs a look before anything else, so its section starts open: failed, an ERROR finding, data lost without a
     * declaration, or a noticeable block. Warnings alone stay collapsed — in a long history that never set
     * lock_timeout every migration has one, and a page that unfolds them all is unreadable.
     */
    public boolean alarming() {
        return verdict == Outcome.FAILED || errors > 0 || dataLost && !dataLossDeclared
                || readsBlockedMs >= NOTICEABLE_BLOCK_MS || writesBlockedMs >= NOTICEABLE_BLOCK_MS;
    }

    /** A stall users notice: about the latency budget of an interactive request. */
    public static final double NOTICEABLE_BLOCK_MS = 100;
}

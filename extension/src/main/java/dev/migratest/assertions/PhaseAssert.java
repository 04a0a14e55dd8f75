package dev.migratest.assertions;

import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;
import org.assertj.core.api.AbstractAssert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * AssertJ assertions on the lock trace of one phase. Only objects that existed before the phase count: locks on
 * what the phase itself created cannot stall anybody.
 */
public final class PhaseAssert extends AbstractAssert<PhaseAssert, PhaseResult> {
    private final CycleResult cycle;

    PhaseAssert(CycleResult cycle, PhaseResult phase) {
        super(phase, PhaseAssert.class);
        this.cycle = cycle;
    }

    /** No statement took a mode stronger than {@code mode} on a pre-existing object. */
    public PhaseAssert holdsNoLockStrongerThan(LockMode mode) {
        List<String> offenders = new ArrayList<>();
        forEachPreExistingLock((s, l) -> {
            if (l.mode().isStrongerThan(mode)) offenders.add(LockMessages.lock(s, l));
        });
        if (!offenders.isEmpty()) {
            failWithMessage(LockMessages.offenders(cycle, actual, "to hold no lock stronger than " + mode.pgName()
                    + " on a pre-existing object", offenders));
        }
        return this;
    }

    /** A second connection could write (primary-key UPDATE) every pre-existing table throughout the phase. */
    public PhaseAssert blocksNoWrites() {
        return blocksNo(false);
    }

    /** A second connection could read (primary-key SELECT) every pre-existing table throughout the phase. */
    public PhaseAssert blocksNoReads() {
        return blocksNo(true);
    }

    private PhaseAssert blocksNo(boolean reads) {
        List<String> offenders = new ArrayList<>();
        for (StatementResult s : traced()) {
            var b = s.trace().blocked();
            boolean blocked = reads ? b.blockedReads() : b.blockedWrites();
            if (blocked) {
                offenders.add(LockMessages.statement(s) + " blocked " + (reads ? "reads of " + b.readsBlockedOn()
                        : "writes to " + b.writesBlockedOn()) + (b.probed() ? " (probed)" : " (inferred from lock modes)"));
            }
        }
        if (!offenders.isEmpty()) {
            failWithMessage(LockMessages.offenders(cycle, actual, "to block no application " + (reads ? "reads" : "writes"),
                    offenders));
        }
        return this;
    }

    /** No pre-existing table, index or toast table got new storage. */
    public PhaseAssert rewritesNoTable() {
        List<String> offenders = new ArrayList<>();
        for (StatementResult s : traced()) {
            if (!s.trace().rewrites().isEmpty()) {
                offenders.add(LockMessages.statement(s) + " rewrote " + String.join(", ", s.trace().rewrites()));
            }
        }
        if (!offenders.isEmpty()) {
            failWithMessage(LockMessages.offenders(cycle, actual, "to rewrite no table", offenders));
        }
        return this;
    }

    /** No pre-existing table was read in full (validation, rewrite, index build, unindexed DML). */
    public PhaseAssert scansNoTable() {
        List<String> offenders = new ArrayList<>();
        for (StatementResult s : traced()) {
            if (!s.trace().fullScans().isEmpty()) {
                offenders.add(LockMessages.statement(s) + " scanned " + String.join(", ", s.trace().fullScans()));
            }
        }
        if (!offenders.isEmpty()) {
            failWithMessage(LockMessages.offenders(cycle, actual, "to scan no table in full", offenders));
        }
        return this;
    }

    /** Continue with {@code .longerThan(duration)}: no hold of {@code mode} (or stronger) lasts longer than that. */
    public HoldLimit holdsNo(LockMode mode) {
        return new HoldLimit(mode);
    }

    /** The second half of {@code holdsNo(mode).longerThan(duration)}. */
    public final class HoldLimit {
        private final LockMode mode;

        private HoldLimit(LockMode mode) {
            this.mode = mode;
        }

        public PhaseAssert longerThan(Duration limit) {
            double limitMs = limit.toNanos() / 1e6;
            List<String> offenders = new ArrayList<>();
            forEachPreExistingLock((s, l) -> {
                if (l.mode().isAtLeast(mode) && l.heldMs() > limitMs) offenders.add(LockMessages.lock(s, l));
            });
            if (!offenders.isEmpty()) {
                failWithMessage(LockMessages.offenders(cycle, actual, "to hold " + mode.pgName() + " (or stronger) on no"
                        + " pre-existing object longer than " + LockMessages.ms(limitMs), offenders));
            }
            return PhaseAssert.this;
        }
    }

    private void forEachPreExistingLock(java.util.function.BiConsumer<StatementResult, LockHold> action) {
        for (StatementResult s : traced()) {
            for (LockHold l : s.trace().locks()) {
                if (l.object().preExisting()) action.accept(s, l);
            }
        }
    }

    /** The statements, after making sure the phase was traced at all: an untraced phase proves nothing. */
    private List<StatementResult> traced() {
        isNotNull();
        List<StatementResult> statements = actual.statements();
        boolean anyTraced = statements.stream().anyMatch(StatementResult::traced);
        if (!anyTraced && !statements.isEmpty()) {
            failWithMessage(LockMessages.untraced(cycle, actual));
        }
        return statements.stream().filter(StatementResult::traced).toList();
    }
}

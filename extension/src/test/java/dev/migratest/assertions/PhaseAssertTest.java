package dev.migratest.assertions;

import dev.migratest.locks.Blocking;
import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.locks.LockedObject;
import dev.migratest.locks.ObjectKind;
import dev.migratest.locks.StatementTrace;
import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock assertions on hand-built traces: what passes, and what each failure message shows. */
class PhaseAssertTest {
    private static final LockedObject USERS = new LockedObject("public.users", ObjectKind.TABLE, "public.users", false);
    private static final LockedObject NEW_TABLE = new LockedObject("public.audit", ObjectKind.TABLE, "public.audit", true);

    @Test
    void aConcurrentIndexBuildPassesEveryLockAssertion() {
        CycleResult cycle = cycle(trace(List.of(hold(USERS, LockMode.SHARE_UPDATE_EXCLUSIVE, 900)), Blocking.NONE,
                List.of()));

        new CycleResultAssert(cycle).isReversible().up()
                .holdsNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE)
                .blocksNoWrites()
                .blocksNoReads()
                .rewritesNoTable()
                .holdsNo(LockMode.ACCESS_EXCLUSIVE).longerThan(Duration.ofMillis(1));
    }

    @Test
    void locksOnObjectsTheMigrationCreatedDoNotCount() {
        CycleResult cycle = cycle(trace(List.of(hold(NEW_TABLE, LockMode.ACCESS_EXCLUSIVE, 500)), Blocking.NONE,
                List.of()));

        new CycleResultAssert(cycle).up().holdsNoLockStrongerThan(LockMode.ROW_EXCLUSIVE)
                .holdsNo(LockMode.ACCESS_EXCLUSIVE).longerThan(Duration.ofMillis(50));
    }

    @Test
    void aStrongerLockFailsNamingLineStatementRelationModeAndHoldTime() {
        CycleResult cycle = cycle(trace(List.of(hold(USERS, LockMode.SHARE, 412.34)), Blocking.NONE, List.of()));

        assertThatThrownBy(() -> new CycleResultAssert(cycle).up()
                .holdsNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE))
                .hasMessage(("%nExpecting UP of 7 add_index (V7__add_index.sql) to hold no lock stronger than"
                        + " ShareUpdateExclusiveLock on a pre-existing object%nbut:%n  line 3 `CREATE INDEX users_email_idx"
                        + " ON users (email)` took ShareLock on table public.users, held 412.3 ms").formatted());
    }

    @Test
    void aLongHoldFailsAndAShortOneDoesNot() {
        CycleResult cycle = cycle(trace(List.of(hold(USERS, LockMode.ACCESS_EXCLUSIVE, 75)), Blocking.NONE, List.of()));

        new CycleResultAssert(cycle).up().holdsNo(LockMode.ACCESS_EXCLUSIVE).longerThan(Duration.ofMillis(100));
        assertThatThrownBy(() -> new CycleResultAssert(cycle).up()
                .holdsNo(LockMode.ACCESS_EXCLUSIVE).longerThan(Duration.ofMillis(50)))
                .hasMessageContaining("to hold AccessExclusiveLock (or stronger) on no pre-existing object longer than 50.0 ms")
                .hasMessageContaining("took AccessExclusiveLock on table public.users, held 75.0 ms");
    }

    @Test
    void blockedWritesAndRewritesFailWithTheTablesNamed() {
        Blocking blocked = new Blocking(false, true, List.of(), List.of("public.users"), true);
        CycleResult cycle = cycle(trace(List.of(hold(USERS, LockMode.SHARE, 10)), blocked, List.of("public.users")));

        new CycleResultAssert(cycle).up().blocksNoReads();
        assertThatThrownBy(() -> new CycleResultAssert(cycle).up().blocksNoWrites())
                .hasMessageContaining("to block no application writes")
                .hasMessageContaining("line 3 `CREATE INDEX users_email_idx ON users (email)` blocked writes to"
                        + " [public.users] (probed)");
        assertThatThrownBy(() -> new CycleResultAssert(cycle).up().rewritesNoTable())
                .hasMessageContaining("rewrote public.users");
    }

    @Test
    void anUntracedPhaseProvesNothingAndSaysSo() {
        StatementResult untraced = new StatementResult(3, "CREATE INDEX users_email_idx ON users (email)", 1.0);
        CycleResult cycle = cycle(untraced);

        assertThatThrownBy(() -> new CycleResultAssert(cycle).up().blocksNoWrites())
                .hasMessageContaining("to have been traced")
                .hasMessageContaining("migratest.trace=false");
    }

    private static LockHold hold(LockedObject object, LockMode mode, double heldMs) {
        return new LockHold(object, mode, 0.5, heldMs, null, false);
    }

    private static StatementResult trace(List<LockHold> locks, Blocking blocked, List<String> rewrites) {
        StatementTrace trace = new StatementTrace(locks, rewrites, List.of(), blocked, "0", "0");
        return new StatementResult(3, "CREATE INDEX users_email_idx ON users (email)", 0.5, 12.0, trace);
    }

    private static CycleResult cycle(StatementResult statement) {
        Script up = new Script("V7__add_index.sql", List.of(), null);
        Migration migration = new Migration("7", "add_index", up, new Script("U7__add_index.sql", List.of(), null));
        PhaseResult phase = new PhaseResult(Phase.UP, "V7__add_index.sql", null, List.of(statement), 13.0, null);
        PhaseResult down = new PhaseResult(Phase.DOWN, "U7__add_index.sql", null, List.of(), 1.0, null);
        PhaseResult reup = new PhaseResult(Phase.REUP, "V7__add_index.sql", null, List.of(statement), 13.0, null);
        return new CycleResult(migration, Outcome.PASSED, null, null, null, List.of(phase, down, reup), List.of(),
                List.of());
    }
}

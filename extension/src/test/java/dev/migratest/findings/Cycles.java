package dev.migratest.findings;

import dev.migratest.locks.Blocking;
import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.locks.LockedObject;
import dev.migratest.locks.ObjectKind;
import dev.migratest.locks.PhaseAftermath;
import dev.migratest.locks.StatementTrace;
import dev.migratest.locks.TableActivity;
import dev.migratest.migration.AllowDirective;
import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rehearsal results built by hand, as the tracer would have recorded them: no database needed. */
final class Cycles {

    static final String UP_FILE = "V7__change_orders.sql";
    static final String DOWN_FILE = "U7__change_orders.sql";

    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final List<PhaseResult> phases = new ArrayList<>();
    private final List<AllowDirective> upAllows = new ArrayList<>();
    private final Map<Phase, PhaseAftermath> aftermath = new EnumMap<>(Phase.class);
    private FindingPolicy policy = FindingPolicy.defaults();

    static Cycles migration() {
        return new Cycles();
    }

    Cycles rows(String table, long count) {
        rows.put(table, count);
        return this;
    }

    Cycles up(StatementResult... statements) {
        return phase(Phase.UP, true, statements);
    }

    Cycles phase(Phase phase, boolean transactional, StatementResult... statements) {
        phases.add(new PhaseResult(phase, phase == Phase.DOWN ? DOWN_FILE : UP_FILE,
                transactional ? null : "CREATE INDEX CONCURRENTLY cannot run in a transaction (line 1)",
                List.of(statements), 100, null));
        return this;
    }

    Cycles allow(int line, String... ruleIds) {
        upAllows.add(new AllowDirective(UP_FILE, line, List.of(ruleIds), null,
                "-- migratest:allow " + String.join(", ", ruleIds)));
        return this;
    }

    Cycles allowBecause(String reason, String... ruleIds) {
        upAllows.add(new AllowDirective(UP_FILE, 1, List.of(ruleIds), reason,
                "-- migratest:allow " + String.join(", ", ruleIds) + " — " + reason));
        return this;
    }

    Cycles aftermath(Phase phase, PhaseAftermath after) {
        aftermath.put(phase, after);
        return this;
    }

    Cycles policy(String... entries) {
        policy = FindingPolicy.of(entries);
        return this;
    }

    CycleResult result() {
        Migration migration = new Migration("7", "change_orders",
                new Script(UP_FILE, List.of(), null, upAllows), new Script(DOWN_FILE, List.of(), null));
        return new CycleResult(migration, Outcome.PASSED, null, null, null, phases, List.of(), List.of(), rows, null, null);
    }

    List<Finding> findings() {
        return Findings.of(result(), policy, aftermath);
    }

    /** The findings of one rule only: each rule test looks at its own rule, whatever the others say. */
    List<Finding> findings(String rule) {
        return findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    // --- the pieces of a trace ---

    static LockedObject table(String name) {
        return new LockedObject(name, ObjectKind.TABLE, name, false);
    }

    static LockedObject newTable(String name) {
        return new LockedObject(name, ObjectKind.TABLE, name, true);
    }

    static LockedObject index(String name, String table) {
        return new LockedObject(name, ObjectKind.INDEX, table, false);
    }

    static LockHold lock(LockedObject object, LockMode mode, double heldMs) {
        return new LockHold(object, mode, 0, heldMs, null, false);
    }

    static TableActivity scanned(String table) {
        return new TableActivity(table, 1, 0, 0, 0);
    }

    static TableActivity updated(String table, long rows) {
        return new TableActivity(table, 1, 0, rows, 0);
    }

    static Trace trace(LockHold... locks) {
        return new Trace(List.of(locks));
    }

    static StatementResult statement(int line, String sql, Trace trace) {
        return new StatementResult(line, sql, 0, 5, trace == null ? null : trace.build());
    }

    /** A statement trace under construction; {@code lock_timeout} is set (safe) unless {@link #noLockTimeout()}. */
    static final class Trace {
        private final List<LockHold> locks;
        private final List<String> rewrites = new ArrayList<>();
        private final List<TableActivity> activity = new ArrayList<>();
        private Blocking blocked = Blocking.NONE;
        private String lockTimeout = "2s";

        private Trace(List<LockHold> locks) {
            this.locks = locks;
        }

        Trace rewrote(String... relations) {
            rewrites.addAll(Arrays.asList(relations));
            return this;
        }

        Trace activity(TableActivity... tables) {
            activity.addAll(Arrays.asList(tables));
            return this;
        }

        Trace blockedWritesOn(String table) {
            blocked = new Blocking(false, true, List.of(), List.of(table), true);
            return this;
        }

        Trace noLockTimeout() {
            lockTimeout = "0";
            return this;
        }

        StatementTrace build() {
            return new StatementTrace(locks, rewrites, activity, blocked, lockTimeout, "0");
        }
    }
}

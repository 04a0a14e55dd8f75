package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.findings.Severity;
import dev.migratest.locks.Blocking;
import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.locks.LockedObject;
import dev.migratest.locks.ObjectKind;
import dev.migratest.locks.StatementTrace;
import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;
import dev.migratest.migration.Statement;
import dev.migratest.migration.StatementKind;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.DataCheck;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseError;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.List;
import java.util.Map;

/** Rehearsal results built by hand as the runner records them, for rendering tests that need no database. */
final class Rehearsals {
    static final LockedObject USERS = new LockedObject("public.users", ObjectKind.TABLE, "public.users", false);
    static final String HOSTILE_SQL = "INSERT INTO notes(body) VALUES ('</script><script>alert(1)</script><b>bold</b> café ✓ 名前')";

    private Rehearsals() {
    }

    /** A migration whose scripts hold one statement each (the phases' results say what ran). */
    static Migration migration(String version, String name) {
        return new Migration(version, name, new Script("V" + version + "__" + name + ".sql",
                List.of(new Statement(1, "SELECT 1", StatementKind.ORDINARY)), null, List.of()),
                new Script("U" + version + "__" + name + ".sql",
                        List.of(new Statement(1, "SELECT 1", StatementKind.ORDINARY)), null, List.of()));
    }

    /** A passed migration whose up holds no statement: a no-op kept in the history. */
    static ReportedMigration passedNoOp() {
        Migration noOp = new Migration("5", "squashed", new Script("V5__squashed.sql", List.of(), null),
                new Script("U5__squashed.sql", List.of(), null));
        CycleResult r = new CycleResult(noOp, Outcome.PASSED, null, null, null,
                List.of(phase(Phase.UP, 0.2), phase(Phase.DOWN, 0.1), phase(Phase.REUP, 0.2)), List.of(), List.of());
        return reported(r, List.of());
    }

    /** An ALTER holding ACCESS EXCLUSIVE on users for {@code heldMs}, reads and writes blocked. */
    static StatementResult alter(int line, double startMs, double heldMs) {
        LockHold hold = new LockHold(USERS, LockMode.ACCESS_EXCLUSIVE, startMs, heldMs, null, false);
        StatementTrace trace = new StatementTrace(List.of(hold), List.of("public.users"), null,
                new Blocking(true, true, List.of("public.users"), List.of("public.users"), true), "0", "0");
        return new StatementResult(line, "ALTER TABLE users ALTER COLUMN id TYPE bigint", startMs, heldMs, trace);
    }

    static StatementResult plain(int line, String sql, double startMs, double durationMs) {
        return new StatementResult(line, sql, startMs, durationMs,
                new StatementTrace(List.of(), List.of(), null, Blocking.NONE, "2s", "0"));
    }

    static PhaseResult phase(Phase phase, double durationMs, StatementResult... statements) {
        return new PhaseResult(phase, phase == Phase.DOWN ? "U1.sql" : "V1.sql", null, List.of(statements), durationMs,
                null);
    }

    static ReportedMigration passedWithRewrite() {
        CycleResult r = new CycleResult(migration("2", "users_id_bigint"), Outcome.PASSED, null, null, null,
                List.of(phase(Phase.UP, 130, plain(1, "SET lock_timeout = '2s'", 0, 0.2), alter(2, 0.5, 120)),
                        phase(Phase.DOWN, 80, alter(1, 0, 75)), phase(Phase.REUP, 125, alter(2, 0.4, 119))),
                List.of(), List.of(), Map.of("public.users", 5000L), null, new DataCheck(List.of(), List.of(), null));
        Finding rewrite = new Finding("table-rewrite", Severity.ERROR, Phase.UP, 2, "V2__users_id_bigint.sql",
                "public.users", "V2 line 2: ALTER TABLE rewrote public.users under AccessExclusiveLock <b>120 ms</b>",
                "Add a new column, backfill it in batches, swap in a short transaction", false);
        return reported(r, List.of(rewrite));
    }

    static ReportedMigration failedWithHostileSql() {
        PhaseError error = new PhaseError("U3__notes.sql", 4, "42601", "syntax error at or near \"</script>\"",
                HOSTILE_SQL);
        CycleResult r = new CycleResult(migration("3", "notes_<b>bold</b>"), Outcome.FAILED, null,
                "3 notes: DOWN failed at U3__notes.sql:4: ERROR 42601: syntax error near '</script><b>x</b>'",
                Phase.DOWN, List.of(phase(Phase.UP, 5, plain(1, HOSTILE_SQL, 0, 4)),
                        new PhaseResult(Phase.DOWN, "U3__notes.sql", null, List.of(plain(4, HOSTILE_SQL, 0, 1)), 2, error)),
                List.of(), List.of());
        return reported(r, List.of());
    }

    static ReportedMigration downForgetsIndexAndData() {
        CycleResult r = new CycleResult(migration("4", "email_index"), Outcome.FAILED, null,
                "4 email_index: DOWN did not restore the schema before UP", Phase.DOWN,
                List.of(phase(Phase.UP, 3, plain(1, "CREATE INDEX users_email_idx ON users(email)", 0, 3)),
                        phase(Phase.DOWN, 1, plain(1, "SELECT 1", 0, 1))),
                List.of("index public.users_email_idx: unexpected (btree (email))",
                        "column public.users.note: type text → varchar(10)",
                        "column public.users.straße: missing (expected: text)"),
                List.of(), Map.of(), null,
                new DataCheck(List.of("public.users: 5 000 rows → 4 990 rows"), List.of(), null));
        return reported(r, List.of());
    }

    static ReportedMigration calm(String version) {
        CycleResult r = new CycleResult(migration(version, "create_table_" + version), Outcome.PASSED, null, null, null,
                List.of(phase(Phase.UP, 2, plain(1, "CREATE TABLE t" + version + " (id int)", 0, 2)),
                        phase(Phase.DOWN, 1, plain(1, "DROP TABLE t" + version, 0, 1)),
                        phase(Phase.REUP, 2, plain(1, "CREATE TABLE t" + version + " (id int)", 0, 2))),
                List.of(), List.of());
        return reported(r, List.of());
    }

    /** The rehearsal as a class with {@code failOn = OFF} judges it: only the rehearsal itself can fail it. */
    static ReportedMigration reported(CycleResult result, List<Finding> findings) {
        return new ReportedMigration(result, findings, Verdict.of(result, findings, Severity.OFF));
    }

    /** {@link #passedWithRewrite()} as a class with the default {@code failOn = ERROR} judges it: FAILED. */
    static ReportedMigration failedOnRewrite() {
        ReportedMigration m = passedWithRewrite();
        return m.withVerdict(Verdict.of(m.result(), m.findings(), Severity.ERROR));
    }

    static ClassReport classReport(String name, ReportedMigration... migrations) {
        return new ClassReport("com.example." + name, new ReportHeader("17.6", "embedded", "classpath:db/migration"),
                "com.example." + name + ".json", List.of(migrations));
    }
}

package dev.migratest.findings;

import static dev.migratest.findings.Cycles.lock;
import static dev.migratest.findings.Cycles.migration;
import static dev.migratest.findings.Cycles.newTable;
import static dev.migratest.findings.Cycles.statement;
import static dev.migratest.findings.Cycles.table;
import static dev.migratest.findings.Cycles.trace;
import static dev.migratest.locks.LockMode.ACCESS_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migratest.runner.Phase;
import org.junit.jupiter.api.Test;

class BreakingDropOrRenameTest {

    private static final String USERS = "public.users";

    @Test
    void droppingAndRenamingPreExistingTablesAndColumnsInUpAreReported() {
        var findings = migration()
                .up(statement(1, "ALTER TABLE users DROP COLUMN legacy", trace(lock(table(USERS), ACCESS_EXCLUSIVE, 4))),
                        statement(2, "ALTER TABLE users RENAME COLUMN email TO email_address", trace()),
                        statement(3, "ALTER TABLE public.audit RENAME TO audit_log",
                                trace(lock(table("public.audit"), ACCESS_EXCLUSIVE, 2))),
                        statement(4, "DROP TABLE IF EXISTS sessions CASCADE",
                                trace(lock(table("public.sessions"), ACCESS_EXCLUSIVE, 2))))
                .findings("breaking-drop-or-rename");

        assertThat(findings).extracting(Finding::line, Finding::relation).containsExactly(
                org.assertj.core.api.Assertions.tuple(1, USERS),
                org.assertj.core.api.Assertions.tuple(2, USERS),
                org.assertj.core.api.Assertions.tuple(3, "public.audit"),
                org.assertj.core.api.Assertions.tuple(4, "public.sessions"));
        assertThat(findings.get(0).message()).isEqualTo("V7 line 1: DROP COLUMN legacy on public.users "
                + "(AccessExclusiveLock, held 4.0 ms): the application version still running during the deploy breaks; "
                + "code that still selects or writes legacy fails");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.advice()).startsWith("Expand-contract");
        });
    }

    @Test
    void dropsInDownAndDropsOfWhatThePhaseCreatedOrOfConstraintsAreSilent() {
        assertThat(migration()
                .up(statement(1, "ALTER TABLE users ADD COLUMN nick text", trace(lock(table(USERS), ACCESS_EXCLUSIVE, 1))))
                .phase(Phase.DOWN, true, statement(1, "ALTER TABLE users DROP COLUMN nick",
                        trace(lock(table(USERS), ACCESS_EXCLUSIVE, 1))))
                .findings("breaking-drop-or-rename")).isEmpty();
        assertThat(migration()
                .up(statement(1, "CREATE TABLE tmp (id int)", trace(lock(newTable("public.tmp"), ACCESS_EXCLUSIVE, 1))),
                        statement(2, "DROP TABLE tmp", trace()),
                        statement(3, "ALTER TABLE users DROP CONSTRAINT users_email_key",
                                trace(lock(table(USERS), ACCESS_EXCLUSIVE, 1))))
                .findings("breaking-drop-or-rename")).isEmpty();
    }
}

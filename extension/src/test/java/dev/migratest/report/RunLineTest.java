package dev.migratest.report;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RunLineTest {

    @Test
    void oneLinePerMigrationWithPhasesAndTheStrongestLock() {
        ReportedMigration m = Rehearsals.passedWithRewrite();

        assertThat(RunLine.of(m, StandardCharsets.UTF_8)).isEqualTo("✓ 2 users_id_bigint  "
                + "up 130 ms · down 80.0 ms · reup 125 ms · AccessExclusive 120 ms on public.users · reads blocked "
                + "130 ms · 1 ERROR · table-rewrite");
    }

    @Test
    void asciiOutputGetsWordsInsteadOfSymbols() {
        ReportedMigration m = Rehearsals.failedWithHostileSql();

        assertThat(RunLine.of(m, StandardCharsets.US_ASCII))
                .startsWith("FAIL 3 notes_<b>bold</b>  up 5.00 ms | down 2.00 ms | 3 notes: DOWN failed at U3__notes.sql:4")
                .doesNotContain("·", "✗");
    }

    @Test
    void aMigrationFailedByItsFindingsGetsACrossAndTheFindingsThatFailedIt() {
        ReportedMigration m = Rehearsals.failedOnRewrite();

        assertThat(RunLine.of(m, StandardCharsets.UTF_8)).startsWith("✗ 2 users_id_bigint  up 130 ms")
                .endsWith(" · failed on 1 finding: ERROR table-rewrite (UP V2__users_id_bigint.sql:2)");
    }

    @Test
    void aFailureThatNamesItsMigrationDoesNotRepeatTheNameTheLineStartsWith() {
        ReportedMigration m = Rehearsals.downForgetsIndexAndData();

        assertThat(RunLine.of(m, StandardCharsets.UTF_8)).startsWith("✗ 4 email_index  up 3.00 ms")
                .contains(" · DOWN did not restore the schema before UP")
                .doesNotContain("· 4 email_index:");
    }

    @Test
    void aMigrationWhoseUpHoldsNoStatementSaysItIsANoOp() {
        ReportedMigration m = Rehearsals.passedNoOp();

        assertThat(RunLine.of(m, StandardCharsets.UTF_8)).isEqualTo("✓ 5 squashed  up 0.20 ms · down 0.10 ms · reup"
                + " 0.20 ms · no-op: its up holds no statement");
        assertThat(RunLine.of(Rehearsals.calm("6"), StandardCharsets.UTF_8)).doesNotContain("no-op");
    }
}

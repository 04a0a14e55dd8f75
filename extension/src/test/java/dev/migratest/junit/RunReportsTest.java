package dev.migratest.junit;

import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;
import dev.migratest.report.ClassReport;
import dev.migratest.report.GrowthCurves;
import dev.migratest.report.ReportHeader;
import dev.migratest.report.ReportedMigration;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

class RunReportsTest {

    private static ClassReport cls(String name, String sql) {
        Migration m = new Migration("1", "m", new Script("V1__m.sql", List.of(), null, List.of()),
                new Script("U1__m.sql", List.of(), null, List.of()));
        PhaseResult up = new PhaseResult(Phase.UP, "V1__m.sql", null,
                List.of(new StatementResult(1, sql, 0, 1, null)), 1, null);
        CycleResult r = new CycleResult(m, Outcome.PASSED, null, null, null, List.of(up), List.of(), List.of());
        return new ClassReport("com.example." + name, new ReportHeader("17", "embedded", "classpath:db/migration"),
                "com.example." + name + ".json", List.of(new ReportedMigration(r, List.of())));
    }

    /** A class whose part cannot be written must not fail the report of every class that ends after it. */
    @Test
    void oneUnwritablePartDoesNotFailEveryLaterClass(@TempDir Path dir) {
        RunReports reports = new RunReports();
        String emojiAtCut = "SELECT '" + "x".repeat(291) + "😀'";
        catchThrowable(() -> reports.add(dir, cls("First", emojiAtCut), GrowthCurves.empty()));
        assertThatCode(() -> reports.add(dir, cls("Second", "SELECT 1"), GrowthCurves.empty()))
                .doesNotThrowAnyException();
    }
}

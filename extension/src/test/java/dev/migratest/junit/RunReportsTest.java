package dev.migratest.junit;

import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;
import dev.migratest.report.ClassReport;
import dev.migratest.report.GrowthCurves;
import dev.migratest.report.ReportHeader;
import dev.migratest.report.ReportedMigration;
import dev.migratest.report.Verdict;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RunReportsTest {

    private static ClassReport cls(String name, String sql) {
        Migration m = new Migration("1", "m", new Script("V1__m.sql", List.of(), null, List.of()),
                new Script("U1__m.sql", List.of(), null, List.of()));
        PhaseResult up = new PhaseResult(Phase.UP, "V1__m.sql", null,
                List.of(new StatementResult(1, sql, 0, 1, null)), 1, null);
        CycleResult r = new CycleResult(m, Outcome.PASSED, null, null, null, List.of(up), List.of(), List.of());
        return new ClassReport("com.example." + name, new ReportHeader("17", "embedded", "classpath:db/migration"),
                "com.example." + name + ".json", List.of(new ReportedMigration(r, List.of(), Verdict.passed())));
    }

    /** A class whose part cannot be written must not fail the report of every class that ends after it. */
    @Test
    void aPartThatCannotBeRenderedFailsOnlyItselfNotEveryLaterClass(@TempDir Path dir) throws Exception {
        RunReports reports = new RunReports();
        ClassReport good = cls("First", "SELECT '" + "x".repeat(291) + "😀'");
        // a part whose rendering throws (no header), standing for any defect in one class's results
        ClassReport broken = new ClassReport("com.example.Broken", null, "com.example.Broken.json",
                good.migrations());

        reports.add(dir, good, GrowthCurves.empty());
        assertThat(catchThrowable(() -> reports.add(dir, broken, GrowthCurves.empty()))).isNotNull();
        RunReports.Written written = reports.add(dir, cls("Second", "SELECT 1"), GrowthCurves.empty());

        String html = Files.readString(written.html());
        assertThat(html).contains("com.example.First", "com.example.Second").doesNotContain("com.example.Broken");
    }
}

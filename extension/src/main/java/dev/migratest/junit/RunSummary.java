package dev.migratest.junit;

import dev.migratest.report.ClassReport;
import dev.migratest.report.GrowthCurves;
import dev.migratest.report.JsonReport;
import dev.migratest.report.ReportedMigration;
import dev.migratest.report.VerdictTally;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * At the end of a test class: its JSON report, its part of the run's HTML report and Markdown summary, the verdicts
 * counted, and where the reports are (the migrations' own lines were printed as each test finished). Every one of them
 * reads the verdicts the class's tests recorded.
 */
final class RunSummary {

    private RunSummary() {
    }

    static void publish(ClassRehearsal run, RunReports reports) throws IOException {
        ClassPlan plan = run.plan();
        String testClass = plan.testClass();
        List<ReportedMigration> reported = run.reported();
        // one report per class; a class rehearsed on several versions gets one per version
        String reportName = plan.severalServers()
                ? testClass + "@" + run.request().label().replaceAll("[^A-Za-z0-9._-]", "_") : testClass;
        Path directory = plan.settings().reportDir();
        Path json = JsonReport.write(directory, reportName, run.header(), reported);
        RunReports.Written written;
        try {
            written = reports.add(directory,
                    new ClassReport(reportName, run.header(), json.getFileName().toString(), reported),
                    growth(plan.settings().growthResults()));
        } catch (IOException | RuntimeException e) {
            // the tests' verdicts and the JSON stand; a page for people is not worth failing the class for
            Console.print("the HTML report and summary could not be written to " + directory.toAbsolutePath()
                    .normalize() + ": " + e);
            written = null;
        }
        VerdictTally tally = VerdictTally.of(reported.stream().map(ReportedMigration::figures).toList());
        Console.print(testClass + ": " + reported.size() + " of " + run.rehearsal().migrations().size()
                + " migrations rehearsed on " + run.header().provider() + " PostgreSQL " + run.header().postgresVersion()
                + " (" + plan.loaded().layout() + " layout at " + plan.loaded().location() + "): " + tally.counts());
        Console.print(written == null ? "report: " + json.toAbsolutePath().normalize()
                : "report: " + written.html().toUri() + "  (summary: " + written.summary().toAbsolutePath().normalize()
                + ", JSON: " + json.toAbsolutePath().normalize() + ")");
    }

    /** Benchmark curves for the growth plots; a file that cannot be read costs the plots, never the test run. */
    private static GrowthCurves growth(Path file) {
        try {
            GrowthCurves curves = GrowthCurves.read(file);
            if (!curves.isEmpty()) Console.print("growth plots from " + file.toAbsolutePath().normalize());
            return curves;
        } catch (IOException e) {
            Console.print("growth plots left out of the HTML report: " + e.getMessage());
            return GrowthCurves.empty();
        }
    }
}

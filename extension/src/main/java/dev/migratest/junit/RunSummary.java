package dev.migratest.junit;

import dev.migratest.report.JsonReport;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.PhaseResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** At the end of a test class: the JSON report, and one line per migration on the console. */
final class RunSummary {

    private RunSummary() {
    }

    static void publish(ClassRehearsal run) throws IOException {
        ClassPlan plan = run.plan();
        String testClass = plan.testClass();
        List<CycleResult> results = run.rehearsal().results();
        // one report per class; a class rehearsed on several versions gets one per version
        String reportName = plan.severalServers()
                ? testClass + "@" + run.request().label().replaceAll("[^A-Za-z0-9._-]", "_") : testClass;
        Path report = JsonReport.write(plan.settings().reportDir(), reportName, run.header(), results, run::findings);
        long failed = results.stream().filter(r -> r.outcome().name().equals("FAILED")).count();
        Console.print(testClass + ": " + results.size() + " of " + run.rehearsal().migrations().size()
                + " migrations rehearsed on " + run.header().provider() + " PostgreSQL " + run.header().postgresVersion()
                + " (" + plan.loaded().layout() + " layout at " + plan.loaded().location() + "), " + failed + " failed");
        int width = results.stream().mapToInt(r -> r.migration().displayName().length()).max().orElse(0);
        for (CycleResult r : results) {
            Console.print("  " + String.format(Locale.ROOT, "%-7s %-" + width + "s  %s", r.outcome(),
                    r.migration().displayName(), detail(r) + locks(r) + findings(run.findings(r))));
        }
        Console.print("report: " + report.toAbsolutePath().normalize());
    }

    /** The strongest lock UP held on something that existed before it, and for how long: the number to watch. */
    private static String locks(CycleResult r) {
        return r.phase(dev.migratest.runner.Phase.UP).stream()
                .flatMap(p -> p.statements().stream())
                .filter(s -> s.trace() != null)
                .flatMap(s -> s.trace().locks().stream())
                .filter(l -> l.object().preExisting())
                .max(java.util.Comparator.comparing(dev.migratest.locks.LockHold::mode)
                        .thenComparingDouble(dev.migratest.locks.LockHold::heldMs)
                        // of equal locks, name the table rather than its index or toast table
                        .thenComparing(l -> l.object().kind().holdsRows()))
                .map(l -> String.format(Locale.ROOT, "  · UP %s on %s %.1f ms", l.mode().pgName(), l.relation(), l.heldMs()))
                .orElse("");
    }

    private static String findings(List<dev.migratest.findings.Finding> findings) {
        List<dev.migratest.findings.Finding> counting = findings.stream().filter(dev.migratest.findings.Finding::counts).toList();
        if (counting.isEmpty()) return "";
        return "  · findings: " + counting.stream().map(f -> f.severity() + " " + f.rule()).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String detail(CycleResult r) {
        StringBuilder s = new StringBuilder();
        for (PhaseResult p : r.phases()) {
            s.append(String.format(Locale.ROOT, "%s %.1f ms%s  ", p.phase(), p.durationMs(),
                    p.transactional() ? "" : " (autocommit)"));
        }
        if (r.skipReason() != null) s.append(r.skipReason());
        if (r.failure() != null) {
            // first line says what failed; for a schema difference the second line is the first difference
            s.append(r.failure().lines().limit(2).map(String::strip).reduce((a, b) -> a + " " + b).orElse(""));
        }
        return s.toString().trim();
    }
}

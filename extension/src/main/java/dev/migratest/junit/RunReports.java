package dev.migratest.junit;

import dev.migratest.report.ClassReport;
import dev.migratest.report.HtmlReport;
import dev.migratest.report.MarkdownSummary;
import dev.migratest.report.GrowthCurves;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's HTML report and Markdown summary, kept in the root Store: every class adds its part when it ends, and
 * both files are rewritten then, so the link printed at the end of a class already works and a run that dies halfway
 * still leaves the report of what it finished. Classes may end at the same time (parallel execution): the methods are
 * synchronized. Classes with different report directories get a report each. The Store lives as long as one engine
 * run, i.e. one JVM: Surefire and Failsafe forks each write their own report, so they need different directories.
 */
final class RunReports {
    static final String KEY = "run-reports";

    private final Map<Path, List<ClassReport>> byDirectory = new LinkedHashMap<>();
    private final String started = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z"));

    /** Adds a class's part and rewrites the report of its directory; returns the HTML report's path. */
    synchronized Written add(Path directory, ClassReport part, GrowthCurves growth) throws IOException {
        List<ClassReport> parts = byDirectory.computeIfAbsent(directory.toAbsolutePath().normalize(),
                d -> new ArrayList<>());
        // a class run twice in one engine run (selected twice, rerun) replaces its earlier part
        parts.removeIf(p -> p.testClass().equals(part.testClass()));
        parts.add(part);
        try {
            Path html = HtmlReport.write(directory, parts, "run started " + started, growth);
            Path summary = MarkdownSummary.write(directory, parts);
            return new Written(html, summary);
        } catch (IOException | RuntimeException e) {
            // a part that cannot be written must not take the report of every later class with it
            parts.remove(part);
            throw e;
        }
    }

    record Written(Path html, Path summary) {
    }
}

package dev.migratest.reliability;

import dev.migratest.findings.Finding;
import dev.migratest.findings.FindingPolicy;
import dev.migratest.findings.Findings;
import dev.migratest.findings.Severity;
import dev.migratest.migration.Layout;
import dev.migratest.migration.Migration;
import dev.migratest.migration.MigrationLoader;
import dev.migratest.postgres.EmbeddedProvider;
import dev.migratest.postgres.PostgresServer;
import dev.migratest.report.ClassReport;
import dev.migratest.report.GrowthCurves;
import dev.migratest.report.HtmlReport;
import dev.migratest.report.JsonReport;
import dev.migratest.report.ReportHeader;
import dev.migratest.report.ReportedMigration;
import dev.migratest.report.Verdict;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.HistoryRehearsal;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SnapshotMode;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A whole run in a JVM of its own, so that its heap limit is the one under test: loads the Flyway folder
 * {@code args[1]}, rehearses every migration (traced, data checked) on an embedded server whose data directory goes
 * under {@code args[0]}, writes the JSON and HTML reports to {@code args[2]}, then prints each migration's outcome,
 * the time of each step and the heap the JVM needed. {@link HugeMigrationIT} reads the lines.
 */
public final class HugeMigrationChild {

    private HugeMigrationChild() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty(EmbeddedProvider.DATA_DIR_PROPERTY, args[0]);
        Path reports = Path.of(args[2]);
        long start = System.nanoTime();
        List<Migration> migrations = MigrationLoader.load(Path.of(args[1]), Layout.FLYWAY, false).migrations();
        long loaded = System.nanoTime();
        print("STEP load " + millis(start, loaded) + " ms");
        try (PostgresServer server = new EmbeddedProvider().start()) {
            long started = System.nanoTime();
            print("STEP server " + millis(loaded, started) + " ms");
            List<CycleResult> results;
            try (HistoryRehearsal rehearsal = new HistoryRehearsal(server, "huge", migrations, ColumnOrder.STRICT,
                    false, SnapshotMode.INCREMENTAL)) {
                for (int i = 0; i < migrations.size(); i++) {
                    long before = System.nanoTime();
                    CycleResult result = rehearsal.rehearse(i);
                    print("STEP rehearse " + result.migration().version() + " " + millis(before, System.nanoTime())
                            + " ms");
                }
                results = rehearsal.results();
            }
            long rehearsed = System.nanoTime();
            ReportHeader header = new ReportHeader(server.version(), "embedded", args[1]);
            List<ReportedMigration> reported = results.stream().map(r -> {
                List<Finding> findings = Findings.of(r, FindingPolicy.defaults());
                return new ReportedMigration(r, findings, Verdict.of(r, findings, Severity.ERROR));
            }).toList();
            Path jsonFile = JsonReport.write(reports, "HugeMigration", header, reported);
            long json = System.nanoTime();
            print("STEP json " + millis(rehearsed, json) + " ms, " + mb(Files.size(jsonFile)) + " MB");
            Path htmlFile = HtmlReport.write(reports, List.of(new ClassReport("HugeMigration", header, "HugeMigration.json", reported)),
                    "now", GrowthCurves.empty());
            print("STEP html " + millis(json, System.nanoTime()) + " ms, " + mb(Files.size(htmlFile)) + " MB");
            for (CycleResult r : results) print("OUTCOME " + r.migration().version() + " " + r.outcome());
        }
        print("STEP total " + millis(start, System.nanoTime()) + " ms");
        print("HEAP max " + mb(Runtime.getRuntime().maxMemory()) + " MB, peak " + mb(peakHeap())
                + " MB (sum of the heap pools' peaks:" + pools() + ")");
    }

    /** An upper bound of the heap in use at any one time: each heap pool's own peak, added up. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    private static String pools() {
        StringBuilder each = new StringBuilder();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                each.append(' ').append(pool.getName()).append(' ').append(mb(pool.getPeakUsage().getUsed()));
            }
        }
        return each.toString();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}

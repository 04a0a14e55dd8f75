package dev.migratest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The run's HTML report: one self-contained file (styles, script and SVG inline; no fonts, images or requests), so it
 * can be attached to a CI run and opened anywhere. The overview table lists every migration riskiest first; below it
 * one section per migration, per class in history order. The script only sorts and filters what is already rendered.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    private HtmlReport() {
    }

    /** Writes {@code <directory>/report.html} for the classes of the run, and returns its path. */
    public static Path write(Path directory, List<ClassReport> classes, String generatedAt, GrowthCurves growth)
            throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        // bytes, not writeString: a stray half character becomes "?" instead of an exception that loses the file
        Files.write(file, render(classes, generatedAt, growth).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** @param growth benchmark curves; each migration with curves of its own gets a growth plot */
    static String render(List<ClassReport> classes, String generatedAt, GrowthCurves growth) {
        List<OverviewTable.Entry> entries = entries(classes);
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                // nothing on this page may reach the network: the browser enforces what the code promises
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src 'unsafe-inline'; img-src data:\">"
                + "<title>migratest report</title><style>").append(CSS).append("</style></head><body>");
        header(html, classes, entries, generatedAt);
        html.append("<main><div class=\"controls\"><input type=\"search\" id=\"filter\" "
                + "placeholder=\"filter by migration or class\" aria-label=\"filter\"><label><input type=\"checkbox\" "
                + "id=\"risky-only\"> risky only</label><button id=\"expand-all\" type=\"button\">expand all</button>"
                + "<button id=\"collapse-all\" type=\"button\">collapse all</button></div>");
        html.append("<h2>Overview</h2>");
        if (entries.isEmpty()) html.append("<p>No migration was rehearsed in this run.</p>");
        else html.append(OverviewTable.of(entries));
        for (int c = 0; c < classes.size(); c++) {
            ClassReport cls = classes.get(c);
            html.append("<h2 id=\"class-").append(c).append("\">").append(Html.text(cls.shortName()))
                    .append("</h2><p class=\"small\">").append(Html.text(cls.testClass())).append(" · PostgreSQL ")
                    .append(Html.text(cls.header().postgresVersion())).append(" (").append(Html.text(cls.header().provider()))
                    .append(") · migrations at ").append(Html.text(cls.header().location())).append(" · JSON: <a href=\"")
                    .append(Html.text(cls.jsonReport())).append("\">").append(Html.text(cls.jsonReport())).append("</a></p>");
            int classIndex = c;
            List<OverviewTable.Entry> history = entries.stream().filter(e -> e.classIndex() == classIndex)
                    .sorted(Comparator.comparingInt(OverviewTable.Entry::index)).toList();
            for (OverviewTable.Entry e : history) {
                html.append(MigrationSection.of(e, cls.header().sourceOf(e.migration().result().migration().up().file()),
                        GrowthPlots.of(growth, cls, e.migration())));
            }
        }
        return html.append("</main><script>").append(JS).append("</script></body></html>").toString();
    }

    /** Every migration of the run, in class and history order, each knowing its rank in the risk order. */
    static List<OverviewTable.Entry> entries(List<ClassReport> classes) {
        record Item(ReportedMigration migration, MigrationFigures figures, String className, int classIndex, int index,
                    int order) {
        }
        List<Item> items = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<ReportedMigration> migrations = classes.get(c).migrations();
            for (int m = 0; m < migrations.size(); m++) {
                items.add(new Item(migrations.get(m), migrations.get(m).figures(), classes.get(c).shortName(), c, m,
                        items.size()));
            }
        }
        List<Item> byRisk = new ArrayList<>(items);
        byRisk.sort(Comparator.comparingDouble((Item i) -> -i.figures().risk()).thenComparingInt(Item::order));
        List<OverviewTable.Entry> entries = new ArrayList<>();
        for (int rank = 0; rank < byRisk.size(); rank++) {
            Item i = byRisk.get(rank);
            entries.add(new OverviewTable.Entry(i.migration(), i.figures(), i.className(), i.classIndex(), i.index(),
                    rank + 1));
        }
        return entries;
    }

    private static void header(StringBuilder html, List<ClassReport> classes, List<OverviewTable.Entry> entries,
                               String generatedAt) {
        VerdictTally tally = VerdictTally.of(entries.stream().map(OverviewTable.Entry::figures).toList());
        int errors = entries.stream().mapToInt(e -> e.figures().errors()).sum();
        int warnings = entries.stream().mapToInt(e -> e.figures().warnings()).sum();
        html.append("<header><h1>migratest report</h1><div class=\"meta\">").append(Html.text(generatedAt)).append(" · ")
                .append(classes.size()).append(classes.size() == 1 ? " class" : " classes").append("</div>")
                .append("<div class=\"meta totals\"><span>").append(tally.migrations())
                .append(" migrations</span><span>")
                .append(tally.passed()).append(" passed</span><span>").append(tally.failed())
                .append(" failed</span><span>").append(tally.skipped()).append(" skipped</span><span>")
                .append(tally.toReview()).append(" to review</span><span>").append(errors).append(" error findings</span><span>").append(warnings)
                .append(" warnings</span></div></header>");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("migratest's jar lacks " + name + " next to HtmlReport");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

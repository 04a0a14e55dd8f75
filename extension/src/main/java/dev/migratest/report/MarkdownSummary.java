package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.locks.LockHold;
import dev.migratest.runner.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code summary.md}: the run in a few lines for a pull-request comment: the verdicts counted, then the migrations that
 * failed, were skipped or deserve a look, each with its worst lock and why it failed (or was skipped), else its worst
 * finding; the rest are one collapsed line. Everything taken from migrations is escaped, so a name or message with
 * {@code |}, {@code <b>} or backticks cannot break the table.
 */
public final class MarkdownSummary {
    public static final String FILE = "summary.md";
    /** GitHub comments stop at 65 536 characters; past this many rows the table points to the HTML report. */
    static final int MAX_ROWS = 50;
    private static final int MESSAGE_CHARS = 240;
    /** Names of calm migrations listed before "… and N more": keeps a long history's summary under the limit too. */
    static final int MAX_CALM_NAMES = 300;

    private MarkdownSummary() {
    }

    public static Path write(Path directory, List<ClassReport> classes) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        // bytes, not writeString: a stray half character becomes "?" instead of an exception that loses the file
        Files.write(file, render(classes).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    static String render(List<ClassReport> classes) {
        List<OverviewTable.Entry> entries = HtmlReport.entries(classes);
        List<OverviewTable.Entry> risky = entries.stream().filter(e -> e.figures().risky()).toList();
        VerdictTally tally = VerdictTally.of(entries.stream().map(OverviewTable.Entry::figures).toList());
        StringBuilder md = new StringBuilder("### migratest: ").append(tally.migrations())
                .append(" migrations rehearsed: ").append(tally.counts()).append("\n\n");
        md.append(classes.stream().map(c -> escape(c.shortName()) + " on PostgreSQL " + escape(c.header().postgresVersion())
                + " (" + escape(c.header().provider()) + ")").distinct().collect(Collectors.joining(" · ")));
        md.append(" · details, timelines and diffs in `").append(HtmlReport.FILE).append("`\n\n");
        if (!risky.isEmpty()) {
            md.append("| | migration | worst lock (UP) | application blocked | why it failed, or its worst finding |\n"
                    + "|---|---|---|---|---|\n");
            for (OverviewTable.Entry e : risky.subList(0, Math.min(risky.size(), MAX_ROWS))) md.append(row(e));
            if (risky.size() > MAX_ROWS) {
                md.append("\n").append(risky.size() - MAX_ROWS).append(" more: see the HTML report.\n");
            }
        }
        List<OverviewTable.Entry> calm = entries.stream().filter(e -> !e.figures().risky()).toList();
        if (!calm.isEmpty()) {
            md.append("\n<details><summary>").append(calm.size())
                    .append(" migrations with nothing to review</summary>\n\n")
                    .append(calm.stream().limit(MAX_CALM_NAMES)
                            .map(e -> escape(e.migration().result().migration().displayName()))
                            .collect(Collectors.joining(" · ")))
                    .append(calm.size() > MAX_CALM_NAMES ? " · … and " + (calm.size() - MAX_CALM_NAMES)
                            + " more in " + HtmlReport.FILE : "")
                    .append("\n\n</details>\n");
        }
        return md.toString();
    }

    private static String row(OverviewTable.Entry e) {
        MigrationFigures f = e.figures();
        String verdict = switch (f.verdict()) {
            case FAILED -> "❌ failed";
            case SKIPPED -> "⏭ skipped";
            case PASSED -> f.errors() > 0 ? "⚠️ error" : "⚠️ review";
        };
        LockHold lock = f.strongestLock().orElse(null);
        String worstLock = lock == null ? "–" : Numbers.mode(lock.mode()) + " on " + escape(lock.relation()) + ", "
                + Numbers.duration(lock.heldMs());
        String blocked = f.readsBlockedMs() > 0 ? "reads " + Numbers.duration(f.readsBlockedMs())
                + (f.writesBlockedMs() > 0 ? ", writes " + Numbers.duration(f.writesBlockedMs()) : "")
                : f.writesBlockedMs() > 0 ? "writes " + Numbers.duration(f.writesBlockedMs()) : "no";
        String why = f.verdict() != Outcome.PASSED ? escape(cut(e.migration().verdict().headline()))
                : f.worstFinding().map(MarkdownSummary::finding)
                .orElse(f.dataLost() ? "data not restored by DOWN" : "–");
        return "| " + verdict + " | " + escape(e.migration().result().migration().displayName())
                + " (" + escape(e.className()) + ") | " + worstLock + " | " + blocked + " | " + why + " |\n";
    }

    private static String finding(Finding f) {
        return "**" + f.severity() + "** " + escape(f.rule()) + ": " + escape(cut(f.message())) + " — fix: "
                + escape(cut(f.advice()));
    }

    private static String cut(String text) {
        return text.length() <= MESSAGE_CHARS ? text : Shorten.prefix(text, MESSAGE_CHARS) + "…";
    }

    /** Text in a table cell: one line, and no character Markdown or GitHub's HTML would act on. */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            // & keeps entities literal; @ would mention a GitHub user or team from a migration's name
            if ("\\`*_[]<>|~#!&@".indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}

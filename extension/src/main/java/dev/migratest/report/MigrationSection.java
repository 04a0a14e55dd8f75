package dev.migratest.report;

import dev.migratest.findings.Finding;
import dev.migratest.locks.LockHold;
import dev.migratest.locks.LockMode;
import dev.migratest.locks.LockQueueResult;
import dev.migratest.locks.PhaseAftermath;
import dev.migratest.locks.StatementTrace;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.DataCheck;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything about one migration, below the overview: why it failed or was skipped, the findings with their advice, the timeline,
 * what DOWN failed to restore (schema and data), what each phase left behind, and every statement with its trace.
 * Alarming migrations (failed, an ERROR finding, undeclared data loss, a noticeable block) start open; the rest
 * are collapsed so that a long history stays readable.
 */
final class MigrationSection {
    /** A statement longer than this is cut in the statement table; the JSON report keeps it whole. */
    static final int SQL_SHOWN = 4000;

    private MigrationSection() {
    }

    static String of(OverviewTable.Entry entry, String source, String growthPlot) {
        CycleResult r = entry.migration().result();
        MigrationFigures f = entry.figures();
        StringBuilder html = new StringBuilder("<details class=\"migration outcome-").append(f.verdict())
                .append(f.risky() && f.verdict() != Outcome.FAILED ? " risky" : "")
                .append("\" id=\"").append(entry.anchor()).append("\" data-key=\"").append(Html.text(entry.key()))
                .append("\" data-risky=\"").append(f.risky()).append("\"").append(f.alarming() ? " open" : "").append(">");
        html.append("<summary><span class=\"badge ").append(f.verdict()).append("\">").append(f.verdict())
                .append("</span> <b>").append(Html.text(r.migration().displayName())).append("</b> <span class=\"small\">")
                .append(Html.text(entry.className())).append("</span> <span class=\"summary-figures\">· ")
                .append(Html.text(RunLine.figures(f))).append("</span></summary><div class=\"body\">");
        html.append("<p class=\"small\">").append(Html.text(source)).append(r.migration().forwardOnly()
                ? " · forward-only (no down script)" : "");
        MigrationNotes.of(r.migration()).forEach(note -> html.append(" · ").append(Html.text(note)));
        html.append("</p>");
        verdict(html, entry.migration().verdict());
        findings(html, entry.migration().findings());
        String timeline = Timeline.of(r);
        if (!timeline.isEmpty()) {
            html.append("<h3>Timeline</h3>").append(LEGEND).append("<div class=\"timeline-box\">").append(timeline)
                    .append("</div>");
        }
        if (growthPlot != null && !growthPlot.isEmpty()) {
            html.append("<h3>Growth with table size (benchmark)</h3>").append(growthPlot);
        }
        html.append(DiffView.of("Schema: after DOWN vs before UP", "what DOWN did not restore", r.downVsBefore()));
        html.append(DiffView.of("Schema: second UP vs first UP", "what the second UP did differently",
                r.reupVsUp()));
        html.append(DiffView.of("Schema: differences that are not the migration's",
                "a clock a definition froze when it was created; explained, not counted", r.schemaNotes()));
        data(html, r);
        aftermath(html, r.phases());
        lockQueue(html, r.lockQueue());
        statements(html, r.phases());
        return html.append("</div></details>").toString();
    }

    /** Why the migration failed, each reason under a heading saying what failed and where; or why it was skipped. */
    private static void verdict(StringBuilder html, Verdict verdict) {
        for (FailureReason reason : verdict.failedBecause()) {
            String where = reason.test() != null ? reason.test() + "()"
                    : reason.phase() != null ? reason.phase().name() : null;
            html.append("<h3 class=\"failed-because\" data-kind=\"").append(reason.kind()).append("\">Failed: ")
                    .append(reason.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(where == null ? "" : " (" + Html.text(where) + ")").append("</h3><pre class=\"failure\">")
                    .append(Html.text(reason.message())).append("</pre>");
        }
        if (verdict.skippedBecause() != null) {
            html.append("<p><b>Skipped:</b> ").append(Html.text(verdict.skippedBecause())).append("</p>");
        }
    }

    private static void findings(StringBuilder html, List<Finding> findings) {
        if (findings.isEmpty()) return;
        html.append("<h3>Findings</h3>");
        for (Finding f : findings) {
            String severity = f.silenced() ? "silenced" : f.severity().name();
            html.append("<div class=\"finding ").append(f.silenced() ? "silenced" : f.severity().name())
                    .append("\"><span class=\"badge ").append(severity).append("\">").append(f.silenced()
                            ? "silenced " + f.severity() : f.severity().name()).append("</span> <b>")
                    .append(Html.text(f.rule())).append("</b> <span class=\"small\">").append(f.phase()).append(' ')
                    .append(Html.text(f.file())).append(f.line() > 0 ? ":" + f.line() : "").append("</span><br>")
                    .append(Html.text(f.message())).append("<br><span class=\"advice\">fix: ")
                    .append(Html.text(f.advice())).append("</span></div>");
        }
    }

    private static void data(StringBuilder html, CycleResult r) {
        DataCheck data = r.data();
        if (data == null) return;
        if (data.declaredLoss() != null) {
            html.append("<p><b>Declared data loss:</b> ").append(Html.text(data.declaredLoss())).append("</p>");
        }
        html.append(DiffView.of("Data: after DOWN vs before UP", "rows and values DOWN did not give back",
                data.downVsBefore()));
        html.append(DiffView.of("Data: second UP vs first UP", "counts and NULLs that differ", data.reupVsUp()));
        html.append(DiffView.of("Invariants", "declared invariant queries that broke", data.invariants()));
        if (!r.rows().isEmpty()) {
            html.append("<p class=\"small\">rows when it ran: ").append(Html.text(r.rows().entrySet().stream()
                    .map(e -> e.getKey() + " " + Numbers.count(e.getValue())).collect(Collectors.joining(", "))))
                    .append("</p>");
        }
    }

    private static void aftermath(StringBuilder html, List<PhaseResult> phases) {
        for (PhaseResult p : phases) {
            PhaseAftermath left = p.aftermath();
            if (left == null) continue;
            Map<String, List<String>> kinds = new java.util.LinkedHashMap<>();
            kinds.put("indexes left INVALID", left.invalidIndexes());
            kinds.put("foreign keys without an index", left.unindexedForeignKeys());
            kinds.put("constraints left NOT VALID", left.notValidConstraints());
            kinds.put("sequences behind their column", left.sequencesBehind());
            kinds.put("previous version's queries that fail", left.oldQueriesFailing());
            kinds.values().removeIf(List::isEmpty);
            if (kinds.isEmpty()) continue;
            html.append("<h3>Left behind by ").append(p.phase()).append("</h3><ul>");
            kinds.forEach((what, items) -> html.append("<li>").append(what).append(": <code>")
                    .append(Html.text(String.join(", ", items))).append("</code></li>"));
            html.append("</ul>");
        }
    }

    private static void lockQueue(StringBuilder html, LockQueueResult q) {
        if (q == null) return;
        html.append("<h3>Lock queue (UP behind a ").append(Numbers.duration(q.blockerHoldMs()))
                .append(" reader)</h3><p><b>").append(q.verdict()).append("</b>: worst reader stall ")
                .append(Numbers.duration(q.worstReaderStallMs())).append(", ").append(q.readerQueries())
                .append(" reader queries, UP took ").append(Numbers.duration(q.migrationMs()))
                .append(q.migrationError() == null ? "" : " and failed: " + Html.text(q.migrationError()))
                .append(" · tables: <code>").append(Html.text(String.join(", ", q.tables()))).append("</code></p>");
    }

    private static void statements(StringBuilder html, List<PhaseResult> phases) {
        int count = phases.stream().mapToInt(p -> p.statements().size()).sum();
        if (count == 0) return;
        html.append("<details class=\"statements-box\"><summary>Statements (").append(count)
                .append(")</summary><table class=\"statements\"><thead><tr><th>phase</th><th class=\"num\">line</th>"
                        + "<th class=\"num\">start</th><th class=\"num\">took</th><th>SQL</th><th>locks (mode, held)</th>"
                        + "<th>rewrites</th><th>full scans</th><th>blocked</th><th>timeouts</th></tr></thead><tbody>");
        for (PhaseResult p : phases) {
            for (StatementResult s : p.statements()) statement(html, p, s);
        }
        html.append("</tbody></table></details>");
    }

    private static void statement(StringBuilder html, PhaseResult p, StatementResult s) {
        StatementTrace t = s.trace();
        html.append("<tr><td>").append(p.phase()).append("</td><td class=\"num\">").append(s.line())
                .append("</td><td class=\"num\">").append(Numbers.duration(s.startMs())).append("</td><td class=\"num\">")
                .append(Numbers.duration(s.durationMs())).append("</td><td class=\"sql\"><pre>")
                .append(Html.text(shown(s.sql()))).append("</pre></td>");
        if (t == null) {
            html.append("<td colspan=\"5\" class=\"small\">not traced</td></tr>");
            return;
        }
        html.append("<td>");
        for (LockHold l : t.locks()) {
            html.append("<span class=\"swatch m-").append(Numbers.mode(l.mode())).append("\"></span> ")
                    .append(Numbers.mode(l.mode())).append(' ').append(Html.text(l.relation()))
                    .append(l.object().createdInPhase() ? " (new)" : "").append(' ')
                    .append(Numbers.duration(l.heldMs())).append("<br>");
        }
        html.append("</td><td>").append(Html.text(String.join(", ", t.rewrites()))).append("</td><td>")
                .append(Html.text(String.join(", ", t.fullScans()))).append("</td><td>").append(blocked(t))
                .append("</td><td class=\"small\">lock ").append(Html.text(t.lockTimeout())).append(", statement ")
                .append(Html.text(t.statementTimeout())).append("</td></tr>");
    }

    private static String blocked(StatementTrace t) {
        var b = t.blocked();
        String reads = b.blockedReads() ? "reads of " + String.join(", ", b.readsBlockedOn()) : "";
        String writes = b.blockedWrites() ? "writes of " + String.join(", ", b.writesBlockedOn()) : "";
        String both = String.join("; ", List.of(reads, writes).stream().filter(x -> !x.isEmpty()).toList());
        if (both.isEmpty()) return "<span class=\"no\">no</span>";
        return "<span class=\"yes\">" + Html.text(both) + "</span>" + (b.probed() ? "" : " <span class=\"small\">(inferred)</span>");
    }

    static String shown(String sql) {
        return sql.length() <= SQL_SHOWN ? sql
                : Shorten.prefix(sql, SQL_SHOWN) + "\n… (" + Numbers.count(sql.length() - SQL_SHOWN) + " more characters)";
    }

    private static final String LEGEND = legend();

    private static String legend() {
        StringBuilder html = new StringBuilder("<div class=\"legend\"><span class=\"swatch stmt\"></span>statement");
        for (LockMode mode : LockMode.values()) {
            html.append("<span class=\"swatch m-").append(Numbers.mode(mode)).append("\"></span>").append(Numbers.mode(mode));
        }
        return html.append("<span class=\"swatch blocked-r\"></span>reads blocked<span class=\"swatch blocked-w\"></span>"
                + "writes blocked · pale: object created in the phase · hover a bar for its SQL and timings</div>")
                .toString();
    }
}

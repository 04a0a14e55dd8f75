package dev.migratest.report;

import dev.migratest.locks.LockHold;
import dev.migratest.runner.Phase;

import java.util.List;

/** The first thing on the page: every migration of the run in one sortable table, riskiest first. */
final class OverviewTable {

    private OverviewTable() {
    }

    static String of(List<Entry> entries) {
        StringBuilder html = new StringBuilder("<div class=\"table-box\"><table id=\"overview\"><thead><tr>"
                + "<th class=\"num\" title=\"risk rank: failures, then ERROR findings, lost data, blocked reads, "
                + "blocked writes, warnings\">risk</th><th title=\"what the migration's test decided\">verdict</th><th>migration</th><th>class</th>"
                + "<th class=\"num\">UP</th><th class=\"num\">DOWN</th><th class=\"num\">REUP</th>"
                + "<th title=\"UP's strongest lock on an object that existed before it\">strongest lock (UP)</th>"
                + "<th class=\"num\">held</th><th class=\"num\" title=\"how long UP blocked application reads\">reads "
                + "blocked</th><th class=\"num\" title=\"how long UP blocked application writes\">writes blocked</th>"
                + "<th class=\"num\">rewrites</th><th class=\"num\">findings</th><th>data</th></tr></thead><tbody>");
        for (Entry e : entries) html.append(row(e));
        return html.append("</tbody></table></div>").toString();
    }

    private static String row(Entry e) {
        MigrationFigures f = e.figures();
        String verdict = f.verdict().name();
        String why = e.migration().verdict().headline();
        StringBuilder html = new StringBuilder("<tr data-key=\"").append(Html.text(e.key())).append("\" data-risky=\"")
                .append(f.risky()).append("\">");
        cell(html, "num", String.valueOf(e.rank()), String.valueOf(e.rank()));
        html.append("<td data-sort=\"").append(verdict).append("\"><span class=\"badge ").append(verdict).append("\"")
                .append(why.isEmpty() ? "" : " title=\"" + Html.text(why) + "\"").append(">").append(verdict)
                .append("</span></td>");
        html.append("<td><a href=\"#").append(e.anchor()).append("\">")
                .append(Html.text(e.migration().result().migration().displayName())).append("</a></td>");
        cell(html, "small", e.className(), e.className());
        for (Phase phase : Phase.values()) {
            double ms = f.durationMs(phase).orElse(-1.0);
            cell(html, "num", Numbers.plain(ms), ms < 0 ? "–" : Numbers.duration(ms));
        }
        LockHold lock = f.strongestLock().orElse(null);
        if (lock == null) {
            cell(html, "", "", "–");
            cell(html, "num", "-1", "–");
        } else {
            html.append("<td class=\"lock\" data-sort=\"").append(lock.mode().ordinal()).append("\" title=\"")
                    .append(Html.text(lock.relation())).append("\"><span class=\"swatch m-")
                    .append(Numbers.mode(lock.mode())).append("\">&nbsp;&nbsp;</span> ")
                    .append(Numbers.mode(lock.mode())).append("<br><span class=\"small\">")
                    .append(Html.text(lock.relation())).append("</span></td>");
            cell(html, "num", Numbers.plain(lock.heldMs()), Numbers.duration(lock.heldMs()));
        }
        blockedCell(html, f.readsBlockedMs());
        blockedCell(html, f.writesBlockedMs());
        cell(html, "num", String.valueOf(f.rewrites().size()), String.valueOf(f.rewrites().size()));
        String findings = f.errors() + f.warnings() == 0 ? "0"
                : (f.errors() > 0 ? f.errors() + " error" + (f.errors() > 1 ? "s" : "") : "")
                + (f.errors() > 0 && f.warnings() > 0 ? ", " : "")
                + (f.warnings() > 0 ? f.warnings() + " warning" + (f.warnings() > 1 ? "s" : "") : "");
        cell(html, "num", String.valueOf(f.errors() * 1000 + f.warnings()), findings);
        String data = e.migration().result().data() == null ? "not checked"
                : f.dataLost() ? (f.dataLossDeclared() ? "lost (declared)" : "LOST") : "restored";
        html.append("<td data-sort=\"").append(data).append("\"").append(f.dataLost() && !f.dataLossDeclared()
                ? " class=\"yes\"" : "").append(">").append(data).append("</td>");
        return html.append("</tr>").toString();
    }

    private static void blockedCell(StringBuilder html, double ms) {
        html.append("<td class=\"num").append(ms > 0 ? " yes" : " no").append("\" data-sort=\"").append(Numbers.plain(ms))
                .append("\">").append(ms > 0 ? Numbers.duration(ms) : "no").append("</td>");
    }

    private static void cell(StringBuilder html, String css, String sort, String text) {
        html.append("<td").append(css.isEmpty() ? "" : " class=\"" + css + "\"").append(" data-sort=\"")
                .append(Html.text(sort)).append("\">").append(Html.text(text)).append("</td>");
    }

    /** One row: the migration, where its section is, and its place in the risk order (1 = look first). */
    record Entry(ReportedMigration migration, MigrationFigures figures, String className, int classIndex, int index,
                 int rank) {
        /** The id of the migration's section. */
        String anchor() {
            return "m-" + classIndex + "-" + index;
        }

        String key() {
            return (migration.result().migration().displayName() + " " + className).toLowerCase(java.util.Locale.ROOT);
        }
    }
}

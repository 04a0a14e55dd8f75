package dev.migratest.report;

import dev.migratest.locks.LockHold;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.PhaseResult;
import dev.migratest.runner.StatementResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One migration's three phases as an inline SVG: per phase a time axis, the statements as bars, a lane per locked
 * object with its holds coloured by mode, and the intervals in which application reads or writes were blocked. Each
 * phase has its own scale (UP may take seconds and DOWN a millisecond); every bar carries a {@code <title>} with the
 * SQL line and the timings, which browsers show on hover. Colours come from the page's stylesheet by class
 * ({@code m-AccessExclusive}, …), which keeps a 300-migration page small.
 */
final class Timeline {
    static final int WIDTH = 960;
    private static final int GUTTER = 200;
    private static final int RIGHT = 14;
    private static final int LANE = 16;
    private static final int HEADER = 24;
    private static final int AXIS = 20;
    /** Beyond this many locked objects in one phase the rest are counted, not drawn; the statement table has all. */
    static final int MAX_LOCK_LANES = 14;
    private static final int SQL_IN_TITLE = 300;

    private final StringBuilder svg = new StringBuilder();
    private int y;

    private Timeline() {
    }

    /** The SVG of the phases that ran; empty when none did. */
    static String of(CycleResult result) {
        List<PhaseResult> phases = result.phases();
        if (phases.isEmpty()) return "";
        Timeline t = new Timeline();
        for (PhaseResult phase : phases) t.phase(phase);
        String name = Html.text(result.migration().displayName());
        return "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" data-migration=\"" + name
                + "\" width=\"" + WIDTH + "\" height=\"" + (t.y + 4) + "\" viewBox=\"0 0 " + WIDTH + " " + (t.y + 4)
                + "\" role=\"img\" aria-label=\"timeline of " + name + "\">" + t.svg + "</svg>";
    }

    private void phase(PhaseResult phase) {
        double span = phase.durationMs();
        for (StatementResult s : phase.statements()) {
            span = Math.max(span, s.startMs() + s.durationMs());
            if (s.trace() == null) continue;
            for (LockHold l : s.trace().locks()) span = Math.max(span, l.sinceMs() + l.heldMs());
        }
        Scale scale = new Scale(Math.max(span, 0.001));
        svg.append("<g class=\"phase\" data-phase=\"").append(phase.phase()).append("\">");
        header(phase);
        axis(scale);
        statements(phase, scale);
        locks(phase, scale);
        blocked(phase, scale);
        svg.append("</g>");
        y += 10;
    }

    private void header(PhaseResult phase) {
        String how = phase.transactional() ? "one transaction" : "autocommit — " + phase.nonTransactionalReason();
        String status = phase.succeeded() ? "" : " · FAILED at line " + phase.error().line();
        String traced = phase.statements().stream().anyMatch(StatementResult::traced) ? "" : " · not traced";
        text(0, y + 15, "phase-title", phase.phase() + "  " + Numbers.duration(phase.durationMs()) + " · " + how
                + status + traced + (phase.traceIncomplete() == null ? "" : " · trace incomplete"));
        y += HEADER;
    }

    private void axis(Scale scale) {
        int top = y + 4;
        line(GUTTER, top, WIDTH - RIGHT, top, "axis");
        double step = niceStep(scale.span / 6);
        for (double t = 0; t <= scale.span + step / 1000; t += step) {
            double x = scale.x(t);
            line(x, top, x, top + 4, "axis");
            text(x, top + 15, "tick", t == 0 ? "0" : Numbers.duration(t));
        }
        y += AXIS;
    }

    private void statements(PhaseResult phase, Scale scale) {
        label("statements", "statements, in order");
        List<StatementResult> statements = phase.statements();
        for (int i = 0; i < statements.size(); i++) {
            StatementResult s = statements.get(i);
            boolean failed = !phase.succeeded() && i == statements.size() - 1;
            String title = "line " + s.line() + " · " + Numbers.duration(s.durationMs()) + " from "
                    + Numbers.duration(s.startMs()) + (failed ? " · FAILED" : "") + "\n" + sql(s.sql());
            // neighbours alternate in shade so that back-to-back statements stay apart
            double width = bar(scale, s.startMs(), s.durationMs(), failed ? "stmt failed" : i % 2 == 0 ? "stmt" : "stmt alt",
                    title);
            if (width >= 34) text(scale.x(s.startMs()) + 3, y + 11, "in-bar", "L" + s.line());
        }
        y += LANE + 2;
    }

    private void locks(PhaseResult phase, Scale scale) {
        Map<String, List<Held>> lanes = new LinkedHashMap<>();
        for (StatementResult s : phase.statements()) {
            if (s.trace() == null) continue;
            for (LockHold l : s.trace().locks()) lanes.computeIfAbsent(l.relation(), k -> new ArrayList<>()).add(new Held(l, s));
        }
        List<List<Held>> ordered = new ArrayList<>(lanes.values());
        // what existed before (what the application uses) first, strongest first: the lanes a reviewer needs
        ordered.sort(Comparator.<List<Held>, Boolean>comparing(h -> !h.get(0).lock.object().preExisting())
                .thenComparing(h -> h.stream().map(x -> x.lock.mode()).max(Comparator.naturalOrder()).orElseThrow(),
                        Comparator.reverseOrder())
                .thenComparing(h -> h.get(0).lock.relation()));
        for (List<Held> lane : ordered.subList(0, Math.min(ordered.size(), MAX_LOCK_LANES))) {
            LockHold first = lane.get(0).lock;
            String kind = first.object().kind().belongsToTable() ? " (" + first.object().kind().label() + ")" : "";
            String created = first.object().createdInPhase() ? " · created in this phase" : "";
            label(first.relation() + kind, first.relation() + kind + created);
            // weakest first, so a stronger mode taken later draws on top of the weaker one it upgraded from
            lane.sort(Comparator.comparing(h -> h.lock.mode()));
            for (Held h : lane) {
                LockHold l = h.lock;
                String title = l.mode().pgName() + " on " + l.relation() + " · held " + Numbers.duration(l.heldMs())
                        + " from " + Numbers.duration(l.sinceMs())
                        + (l.waitedMs() == null ? "" : " · waited " + Numbers.duration(l.waitedMs()) + " for it")
                        + (l.observed() ? " · seen by the observer" : "") + " · taken by line " + h.statement.line();
                bar(scale, l.sinceMs(), l.heldMs(), "lock m-" + Numbers.mode(l.mode())
                        + (l.object().preExisting() ? "" : " new"), title);
            }
            y += LANE + 2;
        }
        if (ordered.size() > MAX_LOCK_LANES) {
            text(GUTTER, y + 12, "more", "+ " + (ordered.size() - MAX_LOCK_LANES)
                    + " more locked objects: see the statements table");
            y += LANE + 2;
        }
    }

    private void blocked(PhaseResult phase, Scale scale) {
        BlockedIntervals blocked = BlockedIntervals.of(phase);
        lane("reads blocked", "blocked-r", "application reads", blocked.reads(), phase, scale);
        lane("writes blocked", "blocked-w", "application writes", blocked.writes(), phase, scale);
    }

    private void lane(String label, String css, String what, List<BlockedIntervals.Interval> intervals,
                      PhaseResult phase, Scale scale) {
        if (intervals.isEmpty()) return;
        label(label, what + " waited on a lock the migration held");
        for (BlockedIntervals.Interval i : intervals) {
            String until = phase.transactional() ? " until COMMIT" : "";
            bar(scale, i.fromMs(), i.lengthMs(), css, what + " blocked " + Numbers.duration(i.lengthMs()) + " from "
                    + Numbers.duration(i.fromMs()) + ", from line " + i.line() + until);
        }
        y += LANE + 2;
    }

    private void label(String text, String title) {
        String shown = text.length() > 30 ? Shorten.prefix(text, 29) + "…" : text;
        svg.append("<text class=\"lane\" x=\"").append(GUTTER - 6).append("\" y=\"").append(y + 12).append("\"><title>")
                .append(Html.text(title)).append("</title>").append(Html.text(shown)).append("</text>");
    }

    /** Draws one bar and returns its width in pixels. */
    private double bar(Scale scale, double fromMs, double lengthMs, String css, String title) {
        double x = scale.x(fromMs);
        // a sub-pixel statement still gets a visible mark
        double width = Math.max(2, scale.x(fromMs + lengthMs) - x);
        svg.append("<rect class=\"").append(css).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(y + 2)
                .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(LANE - 4).append("\"><title>")
                .append(Html.text(title)).append("</title></rect>");
        return width;
    }

    private void line(double x1, double y1, double x2, double y2, String css) {
        svg.append("<line class=\"").append(css).append("\" x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y1))
                .append("\" x2=\"").append(fmt(x2)).append("\" y2=\"").append(fmt(y2)).append("\"/>");
    }

    private void text(double x, double y, String css, String text) {
        svg.append("<text class=\"").append(css).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                .append("\">").append(Html.text(text)).append("</text>");
    }

    private static String sql(String sql) {
        String flat = sql.strip();
        return flat.length() <= SQL_IN_TITLE ? flat : Shorten.prefix(flat, SQL_IN_TITLE) + " …";
    }

    /** 1, 2 or 5 times a power of ten: ticks a reader can add up. */
    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double m = rough / power;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private record Held(LockHold lock, StatementResult statement) {
    }

    private record Scale(double span) {
        double x(double ms) {
            return GUTTER + ms / span * (WIDTH - GUTTER - RIGHT);
        }
    }
}

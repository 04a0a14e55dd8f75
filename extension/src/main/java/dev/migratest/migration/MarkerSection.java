package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * One section of a single-file migration (up, down, or the text before the first marker): the statements of its runs
 * of SQL, each split as it is read, and of its {@code StatementBegin} blocks, each added whole.
 */
final class MarkerSection {

    private final String file;
    private final Collected out;
    private final int markerLine;
    private final Marker.Kind kind;
    private final String reason;
    private final List<Statement> statements = new ArrayList<>();
    private final List<AllowDirective> directives = new ArrayList<>();

    /**
     * @param markerLine the line of the marker that starts the section, 0 for the text before any marker
     * @param kind       {@link Marker.Kind#UP} or {@link Marker.Kind#DOWN}; {@code null} for the text before any marker
     * @param reason     why the marker makes the section non-transactional, {@code null} when it does not
     */
    MarkerSection(String file, Collected out, int markerLine, Marker.Kind kind, String reason) {
        this.file = file;
        this.out = out;
        this.markerLine = markerLine;
        this.kind = kind;
        this.reason = reason;
    }

    int markerLine() {
        return markerLine;
    }

    /** Splits a run of SQL lines, whose window starts on the run's first file line. */
    void split(SourceWindow run) {
        SplitResult result = StatementSplitter.split(file, run, directives::add);
        out.problems(result.problems());
        Scripts.checkAutocommitInsideOwnTransaction(file, result.statements(), out);
        statements.addAll(result.statements());
    }

    /** Adds a {@code StatementBegin} block: {@code beginLine} is the line of its begin marker. */
    void block(int beginLine, String text) {
        BlockStatement.of(file, text, beginLine + 1).ifPresent(statements::add);
        directives.addAll(AllowDirectives.in(file, text, beginLine + 1));
    }

    List<Statement> statements() {
        return statements;
    }

    List<AllowDirective> directives() {
        return directives;
    }

    /**
     * The section's script, run by the layout's tool rule for its own marker and the file's
     * ({@code -- +goose NO TRANSACTION}).
     *
     * @param fileDirectives {@code -- migratest:allow} comments above the first marker: they speak for the whole file
     */
    Script script(MarkerFileLayout layout, String fileReason, List<AllowDirective> fileDirectives) {
        List<AllowDirective> all = new ArrayList<>(fileDirectives);
        all.addAll(directives);
        return Scripts.of(file, statements, layout.rule(file, kind, reason, fileReason), all);
    }
}

package dev.migratest.migration;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Parses one single-file migration into its up and down sections, as the file is read. Each run of SQL between two
 * markers is split on its own as its lines come, starting at its real file line; a {@code StatementBegin …
 * StatementEnd} block is one statement, never split inside.
 */
final class MarkerFile {

    /** The file's scripts; {@code up} is {@code null} when the file has no up marker (a problem is recorded). */
    record Halves(Script up, Script down) {
    }

    private final String file;
    private final MarkerFileLayout layout;
    private final Collected out;
    private final int blockSize;
    private final MarkerSection preamble;
    private MarkerSection up;
    private MarkerSection down;
    private MarkerSection current;
    private String fileReason;

    private MarkerFile(String file, MarkerFileLayout layout, int blockSize, Collected out) {
        this.file = file;
        this.layout = layout;
        this.out = out;
        this.blockSize = blockSize;
        this.preamble = new MarkerSection(file, out, 0, null, null);
        this.current = preamble;
    }

    static Halves parse(String file, Reader text, MarkerFileLayout layout, Collected out) throws IOException {
        return parse(file, text, layout, SourceWindow.DEFAULT_BLOCK_SIZE, out);
    }

    /** @param blockSize characters read at a time, from the file and for each run; tests make it tiny */
    static Halves parse(String file, Reader text, MarkerFileLayout layout, int blockSize, Collected out)
            throws IOException {
        MarkerFile parser = new MarkerFile(file, layout, blockSize, out);
        parser.read(new MarkerLines(text, layout, blockSize));
        return parser.finish();
    }

    /** Empty halves for a file that could not be read (its problem is recorded), so that nothing else is reported. */
    static Halves unreadable(String file) {
        Script empty = Scripts.of(file, List.of(), TransactionRules.own(null));
        return new Halves(empty, empty);
    }

    private void read(MarkerLines lines) throws IOException {
        MarkerLines.Line marker = splitRun(lines);
        while (marker != null) {
            switch (marker.kind()) {
                case UP -> {
                    up = enter(up, marker);
                    marker = splitRun(lines);
                }
                case DOWN -> {
                    down = enter(down, marker);
                    marker = splitRun(lines);
                }
                case BEGIN -> marker = block(marker, lines);
                default -> throw new IllegalStateException("a run ended at " + marker);
            }
        }
    }

    /**
     * Splits the current section's lines up to the next marker that ends a run of SQL (an up, a down or a block's
     * begin), as they are read.
     *
     * @return that marker's line, or {@code null} at the end of the file
     */
    private MarkerLines.Line splitRun(MarkerLines lines) {
        int firstLine = lines.nextLineNumber();
        current.split(new SourceWindow(lines.run(this::endsRun), firstLine, blockSize));
        return lines.stopper();
    }

    /** Takes note of a marker met inside a run of SQL; true when it ends the run. */
    private boolean endsRun(MarkerLines.Line line) {
        switch (line.kind()) {
            case UP, DOWN, BEGIN -> {
                return true;
            }
            case NO_TRANSACTION -> fileReason = fileReason != null ? fileReason
                    : reason(line.stripped(), line.number());
            case END -> out.problem(file, line.number(), quote(line.stripped()) + " without "
                            + layout.marker(Marker.Kind.BEGIN), layout.marker(Marker.Kind.BEGIN) + " before it",
                    "add the missing " + layout.marker(Marker.Kind.BEGIN) + " or delete this line");
            case UNKNOWN -> out.problem(file, line.number(), "the unknown annotation " + quote(line.stripped()),
                    "one of " + layout.known(), "correct the annotation, or write it as a plain comment");
            default -> { }
        }
        return false;
    }

    /**
     * Reads a {@code StatementBegin} block whole, up to its {@code StatementEnd}, then splits the run after it.
     *
     * @return the marker that ended the run after the block, or the one that cut the block short
     */
    private MarkerLines.Line block(MarkerLines.Line begin, MarkerLines lines) throws IOException {
        StringBuilder block = new StringBuilder();
        for (MarkerLines.Line line = lines.next(); line != null; line = lines.next()) {
            Marker.Kind kind = line.kind();
            if (kind == Marker.Kind.END) {
                current.block(begin.number(), block.toString());
                return splitRun(lines);
            }
            if (kind == Marker.Kind.UP || kind == Marker.Kind.DOWN || kind == Marker.Kind.BEGIN) {
                unterminatedBlock(begin.number(), block);
                return line;
            }
            // other markers inside a block are part of its text
            block.append(line.raw()).append('\n');
        }
        unterminatedBlock(begin.number(), block);
        return null;
    }

    private MarkerSection enter(MarkerSection section, MarkerLines.Line line) {
        int number = line.number();
        String stripped = line.stripped();
        Marker marker = line.marker();
        if (section != null) {
            out.problem(file, number, "a second " + quote(stripped) + " (the first is on line " + section.markerLine()
                    + ")", "one " + layout.marker(marker.kind()) + " per file", "merge the two sections");
            current = section;
            return section;
        }
        current = new MarkerSection(file, out, number, marker.kind(),
                marker.noTransaction() ? reason(stripped, number) : null);
        return current;
    }

    private void unterminatedBlock(int blockLine, StringBuilder block) {
        out.problem(file, blockLine, layout.marker(Marker.Kind.BEGIN) + " without "
                + layout.marker(Marker.Kind.END), layout.marker(Marker.Kind.END) + " after the statement",
                "add " + layout.marker(Marker.Kind.END) + " where the statement ends");
        current.block(blockLine, block.toString());
    }

    private Halves finish() {
        if (up == null) {
            String marker = layout.marker(Marker.Kind.UP);
            out.problem(file, null, "no " + marker + " line", "a " + marker + " line above the up statements",
                    "add " + marker + " above the first statement of the up section");
            return new Halves(null, null);
        }
        if (!preamble.statements().isEmpty()) {
            Statement first = preamble.statements().get(0);
            out.problem(file, first.line(), "SQL before " + layout.marker(Marker.Kind.UP),
                    "statements only in the up and down sections", "move it below " + layout.marker(Marker.Kind.UP));
        }
        return new Halves(up.script(layout, fileReason, preamble.directives()),
                down == null ? null : down.script(layout, fileReason, preamble.directives()));
    }

    private static String reason(String marker, int line) {
        return marker + " (line " + line + ")";
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}

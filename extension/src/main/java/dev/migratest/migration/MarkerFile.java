package dev.migratest.migration;

import java.util.List;

/**
 * Parses one single-file migration into its up and down sections. Each section is split on its own, starting at its
 * real file line; a {@code StatementBegin … StatementEnd} block is one statement, never split inside.
 */
final class MarkerFile {

    /** The file's scripts; {@code up} is {@code null} when the file has no up marker (a problem is recorded). */
    record Halves(Script up, Script down) {
    }

    private final String file;
    private final MarkerFileLayout layout;
    private final Collected out;
    private final MarkerSection preamble;
    private MarkerSection up;
    private MarkerSection down;
    private MarkerSection current;
    private String fileReason;
    private StringBuilder block;
    private int blockLine;

    private MarkerFile(String file, MarkerFileLayout layout, Collected out) {
        this.file = file;
        this.layout = layout;
        this.out = out;
        this.preamble = new MarkerSection(file, out, 0, null);
        this.current = preamble;
    }

    static Halves parse(String file, String text, MarkerFileLayout layout, Collected out) {
        MarkerFile parser = new MarkerFile(file, layout, out);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(i + 1, lines[i]);
        }
        return parser.finish();
    }

    /** Empty halves for a file that could not be read (its problem is recorded), so that nothing else is reported. */
    static Halves unreadable(String file) {
        Script empty = Scripts.of(file, List.of(), null);
        return new Halves(empty, empty);
    }

    private void line(int number, String raw) {
        String stripped = raw.strip();
        Marker marker = stripped.startsWith("--") ? layout.classify(stripped) : null;
        Marker.Kind kind = marker == null ? null : marker.kind();
        if (block != null) {
            if (kind == Marker.Kind.END) {
                current.block(blockLine, block.toString());
                block = null;
                return;
            }
            if (kind != Marker.Kind.UP && kind != Marker.Kind.DOWN && kind != Marker.Kind.BEGIN) {
                block.append(raw).append('\n');
                return;
            }
            unterminatedBlock();
        }
        if (kind == null) {
            current.line(number, raw);
            return;
        }
        current.line(number, "");
        switch (kind) {
            case UP -> up = enter(up, number, stripped, marker);
            case DOWN -> down = enter(down, number, stripped, marker);
            case NO_TRANSACTION -> fileReason = fileReason != null ? fileReason : reason(stripped, number);
            case BEGIN -> {
                current.flush();
                block = new StringBuilder();
                blockLine = number;
            }
            case END -> out.problem(file, number, quote(stripped) + " without " + layout.marker(Marker.Kind.BEGIN),
                    layout.marker(Marker.Kind.BEGIN) + " before it", "add the missing "
                            + layout.marker(Marker.Kind.BEGIN) + " or delete this line");
            case UNKNOWN -> out.problem(file, number, "the unknown annotation " + quote(stripped),
                    "one of " + layout.known(), "correct the annotation, or write it as a plain comment");
            default -> { }
        }
    }

    private MarkerSection enter(MarkerSection section, int number, String stripped, Marker marker) {
        current.flush();
        if (section != null) {
            out.problem(file, number, "a second " + quote(stripped) + " (the first is on line " + section.markerLine()
                    + ")", "one " + layout.marker(marker.kind()) + " per file", "merge the two sections");
            current = section;
            return section;
        }
        current = new MarkerSection(file, out, number, marker.noTransaction() ? reason(stripped, number) : null);
        return current;
    }

    private void unterminatedBlock() {
        out.problem(file, blockLine, layout.marker(Marker.Kind.BEGIN) + " without "
                + layout.marker(Marker.Kind.END), layout.marker(Marker.Kind.END) + " after the statement",
                "add " + layout.marker(Marker.Kind.END) + " where the statement ends");
        current.block(blockLine, block.toString());
        block = null;
    }

    private Halves finish() {
        if (block != null) {
            unterminatedBlock();
        }
        current.flush();
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
        return new Halves(up.script(fileReason, preamble.directives()),
                down == null ? null : down.script(fileReason, preamble.directives()));
    }

    private static String reason(String marker, int line) {
        return marker + " (line " + line + ")";
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}

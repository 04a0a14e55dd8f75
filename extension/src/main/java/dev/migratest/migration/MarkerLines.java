package dev.migratest.migration;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Predicate;

/**
 * Reads a single-file migration (goose, dbmate, sql-migrate, {@code -- UP}) line by line for {@link MarkerFile}, so
 * that a section of any size is split as it is read. Only a line that could be a marker, one whose first non-blank
 * characters are {@code --}, is read whole and classified; the other lines of a run of SQL pass through as a stream.
 *
 * <p>Lines end at {@code \n} only, as a marker's line number has always been counted; a {@code \r} before it stays in
 * the line's text (and is stripped before a marker is recognised).
 */
final class MarkerLines {

    /**
     * One line read whole.
     *
     * @param raw      the line as written, without its {@code \n}
     * @param stripped {@code raw} without leading and trailing white space
     * @param marker   what the line marks; {@code null} for SQL and for comments that are no marker
     */
    record Line(int number, String raw, String stripped, Marker marker) {
        Marker.Kind kind() {
            return marker == null ? null : marker.kind();
        }
    }

    private final Reader source;
    private final MarkerFileLayout layout;
    private final char[] buffer;
    private int position;
    private int limit;
    private boolean exhausted;
    /** The number of the line the next character read belongs to. */
    private int number = 1;
    private Line stopper;

    MarkerLines(Reader source, MarkerFileLayout layout, int bufferSize) {
        this.source = source;
        this.layout = layout;
        this.buffer = new char[bufferSize];
    }

    /** The number of the next line to be read. */
    int nextLineNumber() {
        return number;
    }

    /** The next line, read whole (a {@code StatementBegin} block is one statement, held anyway); null at the end. */
    Line next() throws IOException {
        if (peek() < 0) {
            return null;
        }
        StringBuilder raw = new StringBuilder();
        readRestOfLine(raw);
        return line(raw.toString());
    }

    /**
     * The plain text of the lines from here up to the first marker line that {@code endsRun} accepts, which the
     * reader leaves unread and {@link #stopper()} returns. Every other marker line is shown to {@code endsRun} and
     * read as a blank line, so that the lines after it keep their numbers.
     */
    Reader run(Predicate<Line> endsRun) {
        stopper = null;
        return new Run(endsRun);
    }

    /** The marker line at which the last run stopped; null when it ran to the end of the file. */
    Line stopper() {
        return stopper;
    }

    private Line line(String raw) {
        String stripped = raw.strip();
        Marker marker = stripped.startsWith("--") ? layout.classify(stripped) : null;
        return new Line(number - 1, raw, stripped, marker);
    }

    /** Appends the rest of the current line to {@code into}, consuming its {@code \n}. */
    private void readRestOfLine(StringBuilder into) throws IOException {
        for (int c = take(); c >= 0; c = take()) {
            if (c == '\n') {
                return;
            }
            into.append((char) c);
        }
        number++; // the last line, without a line break, ends here all the same
    }

    /** The next character, consumed; -1 at the end. */
    private int take() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
            if (c == '\n') {
                number++;
            }
        }
        return c;
    }

    /** The next character, left unread; -1 at the end. */
    private int peek() throws IOException {
        if (position == limit) {
            if (exhausted) {
                return -1;
            }
            int n = source.read(buffer, 0, buffer.length);
            if (n < 0) {
                exhausted = true;
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position];
    }

    /** The text of one run of lines. */
    private final class Run extends Reader {
        private final Predicate<Line> endsRun;
        /** Characters to hand out before reading on: the start of a line read to tell whether it is a comment. */
        private final StringBuilder pending = new StringBuilder();
        private int pendingAt;
        /** Within a line of SQL, which passes through up to its {@code \n}. */
        private boolean inLine;
        private boolean ended;

        Run(Predicate<Line> endsRun) {
            this.endsRun = endsRun;
        }

        @Override
        public int read(char[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (!ended) {
                if (pendingAt < pending.length()) {
                    int n = Math.min(length, pending.length() - pendingAt);
                    pending.getChars(pendingAt, pendingAt + n, into, offset);
                    pendingAt += n;
                    return n;
                }
                if (inLine) {
                    int n = passLine(into, offset, length);
                    if (n > 0) {
                        return n;
                    }
                } else if (peek() < 0) {
                    ended = true;
                } else {
                    startLine();
                }
            }
            return -1;
        }

        /** Copies the line's characters, up to and including its {@code \n}; 0 when the source has ended. */
        private int passLine(char[] into, int offset, int length) throws IOException {
            if (peek() < 0) {
                inLine = false;
                return 0;
            }
            int n = 0;
            while (n < length && position < limit) {
                char c = buffer[position++];
                into[offset + n++] = c;
                if (c == '\n') {
                    number++;
                    inLine = false;
                    break;
                }
            }
            return n;
        }

        /**
         * Reads the start of a line, as far as its first non-blank characters tell whether it is a comment: a comment
         * line is read whole and may be a marker; any other line's start is handed out and the rest passes through.
         */
        private void startLine() throws IOException {
            pending.setLength(0);
            pendingAt = 0;
            int c = peek();
            while (c >= 0 && c != '\n' && Character.isWhitespace((char) c)) {
                pending.append((char) take());
                c = peek();
            }
            if (c == '-') {
                pending.append((char) take());
                if (peek() == '-') {
                    readRestOfLine(pending);
                    comment(line(pending.toString()));
                    return;
                }
            }
            inLine = true; // the rest of the line, its \n included, follows what is pending
        }

        private void comment(Line line) {
            pending.setLength(0);
            if (line.marker() != null && endsRun.test(line)) {
                stopper = line;
                ended = true;
                return;
            }
            // A marker that does not end the run stays a blank line; a plain comment stays as written.
            pending.append(line.marker() == null ? line.raw() : "").append('\n');
        }

        @Override
        public void close() {
            // the file is closed by whoever opened it
        }
    }
}

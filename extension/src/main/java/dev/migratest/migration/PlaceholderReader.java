package dev.migratest.migration;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces Flyway placeholders ({@code ${schema}}) in a script's text as it is read, before it is split, as Flyway's
 * own reader does: names are compared without regard to case, values are put in as they are (an empty value removes
 * the placeholder), and placeholders inside strings and comments are replaced too. A placeholder without a value is
 * left as written and remembered with its line: Flyway stops at it, migratest runs on and names it should Postgres
 * trip over it.
 */
final class PlaceholderReader extends Reader {

    /** A placeholder name longer than this is taken for text that merely holds the prefix. */
    private static final int LONGEST_NAME = 200;

    private final Reader in;
    private final String prefix;
    private final String suffix;
    private final Map<String, String> values = new java.util.HashMap<>();
    private final Map<String, Integer> unreplaced = new LinkedHashMap<>();
    private final char[] chunk = new char[8192];
    private final StringBuilder raw = new StringBuilder();
    private final StringBuilder out = new StringBuilder();
    private int rawPos;
    private int outPos;
    private int line = 1;
    private boolean eof;

    PlaceholderReader(Reader in, String prefix, String suffix, Map<String, String> values) {
        this.in = in;
        this.prefix = prefix;
        this.suffix = suffix;
        values.forEach((name, value) -> this.values.put(name.toLowerCase(Locale.ROOT), value));
    }

    /** Placeholders met without a value, as written, each with the line it first stood on. */
    Map<String, Integer> unreplaced() {
        return unreplaced;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        int n = 0;
        while (n < length) {
            if (outPos < out.length()) {
                int k = Math.min(length - n, out.length() - outPos);
                out.getChars(outPos, outPos + k, buffer, offset + n);
                outPos += k;
                n += k;
            } else {
                out.setLength(0);
                outPos = 0;
                if (!fill()) break;
            }
        }
        return n == 0 ? -1 : n;
    }

    /** Puts the next piece of text into {@code out}; false at the end. */
    private boolean fill() throws IOException {
        while (true) {
            if (rawPos >= raw.length() && !readMore()) return false;
            int at = raw.indexOf(prefix, rawPos);
            if (at < 0) {
                // keep a tail that may be the start of a prefix the next chunk completes
                int safe = eof ? raw.length() : Math.max(rawPos, raw.length() - (prefix.length() - 1));
                if (safe > rawPos) {
                    emit(rawPos, safe);
                    return true;
                }
                if (!readMore()) return rawPos < raw.length() && emitRest();
                continue;
            }
            if (at > rawPos) {
                emit(rawPos, at);
                return true;
            }
            int end = raw.indexOf(suffix, rawPos + prefix.length());
            boolean tooLong = (end < 0 ? raw.length() : end) - rawPos - prefix.length() > LONGEST_NAME;
            if (end < 0 && !tooLong && !eof) {
                readMore();
                continue;
            }
            if (end < 0 || tooLong) {
                emit(rawPos, rawPos + prefix.length());
                return true;
            }
            String name = raw.substring(rawPos + prefix.length(), end);
            String value = values.get(name.toLowerCase(Locale.ROOT));
            if (value == null) {
                unreplaced.putIfAbsent(prefix + name + suffix, line);
                emit(rawPos, end + suffix.length());
            } else {
                countLines(rawPos, end + suffix.length());
                rawPos = end + suffix.length();
                out.append(value);
            }
            return true;
        }
    }

    private boolean emitRest() {
        emit(rawPos, raw.length());
        return true;
    }

    /** Appends more of the source to {@code raw}, dropping what was consumed; false at the end. */
    private boolean readMore() throws IOException {
        if (eof) return false;
        raw.delete(0, rawPos);
        rawPos = 0;
        int k = in.read(chunk);
        if (k < 0) {
            eof = true;
            return raw.length() > 0;
        }
        raw.append(chunk, 0, k);
        return true;
    }

    private void emit(int from, int to) {
        countLines(from, to);
        out.append(raw, from, to);
        rawPos = to;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw.charAt(i) == '\n') line++;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package dev.migratest.migration;

import java.io.IOException;

/** A file's bytes are not UTF-8: where the first invalid sequence stands, and what it is. */
final class InvalidUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final String found;

    /**
     * @param line  the line of the file on which the invalid bytes stand
     * @param found the bytes in words, e.g. {@code invalid UTF-8 byte 0xE9}
     */
    InvalidUtf8Exception(int line, String found) {
        super(found + " on line " + line);
        this.line = line;
        this.found = found;
    }

    int line() {
        return line;
    }

    String found() {
        return found;
    }
}

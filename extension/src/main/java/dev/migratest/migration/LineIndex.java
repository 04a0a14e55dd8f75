package dev.migratest.migration;

import java.util.Arrays;

/**
 * Turns offsets into file line numbers. Built once per script so that only the offsets that are reported (statement
 * starts, unclosed quotes) pay for a lookup, and the lexer does not have to count lines as it goes.
 *
 * <p>A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, the same breaks that end a {@code --} comment.
 */
final class LineIndex {
    private final int firstLine;
    private int[] lineStarts = new int[64];
    private int lineCount;

    LineIndex(String text, int firstLine) {
        this.firstLine = firstLine;
        addLineStart(0);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                addLineStart(i + 1);
            } else if (c == '\r') {
                if (i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                addLineStart(i + 1);
            }
        }
    }

    /** The file line (counted from {@code firstLine}) on which the character at {@code offset} stands. */
    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
        int index = found >= 0 ? found : -found - 2;
        return firstLine + index;
    }

    private void addLineStart(int offset) {
        if (lineCount == lineStarts.length) {
            lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
        }
        lineStarts[lineCount++] = offset;
    }
}

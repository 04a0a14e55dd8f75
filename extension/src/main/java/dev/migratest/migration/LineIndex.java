package dev.migratest.migration;

import java.util.Arrays;

/**
 * Turns offsets into file line numbers for the part of a script a {@link SourceWindow} still holds. The window shows
 * it each run of characters as it reads them, so lines are counted in the same pass that reads the file, and tells it
 * which offsets will never be asked about again, so that a file of millions of lines keeps the line starts of one
 * statement, not an array the size of the file.
 *
 * <p>A line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, the same breaks that end a {@code --} comment. A
 * {@code \r\n} split between two runs still counts once.
 */
final class LineIndex {
    private final int firstLine;
    /** Offsets at which lines start, ascending; {@code starts[head]} starts the first line still asked about. */
    private int[] starts = new int[64];
    private int head;
    private int count;
    /** Lines that started before {@code starts[head]}. */
    private int forgotten;
    /** The last character seen was {@code \r}: a {@code \n} right after it belongs to the same line break. */
    private boolean afterCarriageReturn;

    /** @param firstLine the file line on which offset 0 stands */
    LineIndex(int firstLine) {
        this.firstLine = firstLine;
        starts[count++] = 0;
    }

    /** Counts the line breaks in {@code chars[from, to)}, which stand at offset {@code offset} of the script. */
    void read(char[] chars, int from, int to, int offset) {
        int shift = offset - from;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '\n') {
                if (afterCarriageReturn) {
                    starts[count - 1] = i + shift + 1; // the line starts after the \n of this \r\n
                } else {
                    add(i + shift + 1);
                }
                afterCarriageReturn = false;
            } else if (c == '\r') {
                add(i + shift + 1);
                afterCarriageReturn = true;
            } else {
                afterCarriageReturn = false;
            }
        }
    }

    /** Forgets the starts of lines that end before {@code offset}: no offset below it will be asked about. */
    void release(int offset) {
        while (count - head > 1 && starts[head + 1] <= offset) {
            head++;
            forgotten++;
        }
    }

    /** The file line on which the character at {@code offset} stands; {@code offset} was not released. */
    int lineOf(int offset) {
        if (offset < starts[head]) {
            throw new IllegalStateException("offset " + offset + " was released; the first line held starts at "
                    + starts[head]);
        }
        int found = Arrays.binarySearch(starts, head, count, offset);
        int index = found >= 0 ? found : -found - 2;
        return firstLine + forgotten + index - head;
    }

    private void add(int start) {
        if (count == starts.length) {
            int held = count - head;
            // Reuse the room of forgotten starts before growing: a long file needs no bigger array than a long line.
            int[] target = held * 2 > starts.length ? new int[starts.length * 2] : starts;
            System.arraycopy(starts, head, target, 0, held);
            starts = target;
            head = 0;
            count = held;
        }
        starts[count++] = start;
    }
}

package dev.migratest.migration;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The characters of a script as the lexer reads them from a {@link Reader}, addressed by their offset from the start
 * of the script, holding only what may still be read: a 100 MB migration is never one string, only the statement
 * being cut (which becomes a string of its own anyway) and the block of look-ahead after it.
 *
 * <p>Characters are read into fixed-size blocks. The lexer {@link #release}s what lies behind it; whoever still needs
 * older text (the statement cutter, for the statement's text) {@link #pin}s its start first. Blocks are only added or
 * dropped whole, never copied, so a statement larger than a block costs its own size, not twice that.
 *
 * <p>Reading errors surface as {@link UncheckedIOException}: the lexer's loops read one character at a time and the
 * reader of the file (see {@link SourceText}) turns them back into the file's problem.
 */
final class SourceWindow {
    static final int DEFAULT_BLOCK_SIZE = 8192;
    private static final int NOT_PINNED = Integer.MAX_VALUE;

    private final Reader source;
    private final int shift;
    private final int mask;
    private final LineIndex lines;
    /** {@code blocks[0]} starts at offset {@code first}; the last block in use may be partly filled. */
    private char[][] blocks = new char[4][];
    private int blockCount;
    private int first;
    /** The offset after the last character read. */
    private int end;
    private boolean exhausted;
    private int pinned = NOT_PINNED;
    /** The last dropped block, reused for the next one read: a file is read through two or three arrays. */
    private char[] spare;

    /**
     * @param firstLine the file line on which the script starts (1 for a whole file)
     * @param blockSize characters per block, a power of two; tests use tiny ones to put every boundary in a block edge
     */
    SourceWindow(Reader source, int firstLine, int blockSize) {
        if (blockSize < 1 || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("blockSize must be a power of two, was " + blockSize);
        }
        this.source = source;
        this.shift = Integer.numberOfTrailingZeros(blockSize);
        this.mask = blockSize - 1;
        this.lines = new LineIndex(firstLine);
    }

    static SourceWindow over(Reader source, int firstLine) {
        return new SourceWindow(source, firstLine, DEFAULT_BLOCK_SIZE);
    }

    /** A window over a text already in hand. */
    static SourceWindow of(String text, int firstLine) {
        return over(new StringReader(text), firstLine);
    }

    /**
     * A window over a text already in hand that keeps all of it, for callers that look at tokens after lexing (small
     * texts: a query file's parameter list, one statement).
     */
    static SourceWindow holding(String text, int firstLine) {
        SourceWindow window = of(text, firstLine);
        window.pin(0);
        return window;
    }

    /** The character at {@code offset}, or -1 at and after the end of the script. */
    int at(int offset) {
        int relative = offset - first;
        if (relative >= 0 && offset < end) {
            return blocks[relative >>> shift][relative & mask];
        }
        return slowAt(offset);
    }

    private int slowAt(int offset) {
        if (offset < first) {
            throw released(offset);
        }
        while (offset >= end) {
            if (!readBlock()) {
                return -1;
            }
        }
        int relative = offset - first;
        return blocks[relative >>> shift][relative & mask];
    }

    /** Whether {@code text} stands at {@code offset}. */
    boolean matches(int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (at(offset + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The first offset at or after {@code from} that holds {@code c}, or -1 when none does. */
    int indexOf(char c, int from) {
        return indexOf(c, from, Integer.MAX_VALUE);
    }

    /** The first offset in {@code [from, to)} that holds {@code c}, or -1; nothing at or after {@code to} is read. */
    int indexOf(char c, int from, int to) {
        int i = from;
        while (i < to && at(i) >= 0) {
            // scan the rest of the block in hand directly: quotes and dollar tags are searched for over long bodies
            int relative = i - first;
            char[] block = blocks[relative >>> shift];
            int start = relative & mask;
            int stop = start + Math.min(block.length - start, Math.min(end, to) - i);
            for (int k = start; k < stop; k++) {
                if (block[k] == c) {
                    return i + (k - start);
                }
            }
            i += stop - start;
        }
        return -1;
    }

    /**
     * The first offset in {@code [from, to)} at which {@code text} starts, or -1. Only a match that starts before
     * {@code to} reads past it.
     */
    int indexOf(String text, int from, int to) {
        char head = text.charAt(0);
        for (int i = indexOf(head, from, to); i >= 0; i = indexOf(head, i + 1, to)) {
            if (matches(i, text)) {
                return i;
            }
        }
        return -1;
    }

    /** The text of {@code [start, end)}, a string of its own; {@code start} was not released. */
    String text(int start, int end) {
        if (start < first) {
            throw released(start);
        }
        if (end > start && at(end - 1) < 0) {
            throw new IllegalArgumentException("offset " + end + " is past the end of the script (" + this.end + ")");
        }
        char[] chars = new char[end - start];
        for (int copied = 0; copied < chars.length; ) {
            int relative = start + copied - first;
            int inBlock = relative & mask;
            int n = Math.min(chars.length - copied, mask + 1 - inBlock);
            System.arraycopy(blocks[relative >>> shift], inBlock, chars, copied, n);
            copied += n;
        }
        return new String(chars);
    }

    /** The file line of the character at {@code offset}, which was not released. */
    int lineOf(int offset) {
        if (offset < first) {
            throw released(offset);
        }
        return lines.lineOf(offset);
    }

    /** How many characters are in memory: a test's proof that the window stays the size of a statement. */
    int held() {
        return blockCount << shift;
    }

    /** Keeps everything from {@code offset} on, whatever is released, until {@link #unpin()}. */
    void pin(int offset) {
        if (offset < first) {
            throw released(offset);
        }
        pinned = offset;
    }

    void unpin() {
        pinned = NOT_PINNED;
    }

    /** Nothing before {@code offset} will be read again, unless it is pinned: the blocks wholly before it go. */
    void release(int offset) {
        int keep = Math.min(Math.min(offset, pinned), end);
        int whole = keep > first ? (keep - first) >>> shift : 0;
        if (whole == 0) {
            return;
        }
        spare = blocks[whole - 1];
        System.arraycopy(blocks, whole, blocks, 0, blockCount - whole);
        Arrays.fill(blocks, blockCount - whole, blockCount, null);
        blockCount -= whole;
        first += whole << shift;
        lines.release(first);
    }

    /** Reads at least one more character into the last block, starting a new one when it is full; false at the end. */
    private boolean readBlock() {
        if (exhausted) {
            return false;
        }
        if (end - first == blockCount << shift) {
            addBlock(); // the last block is full, or none is held
        }
        int used = end - first - ((blockCount - 1) << shift);
        if (end > Integer.MAX_VALUE - (mask + 1)) {
            throw new UncheckedIOException(new IOException("a script of more than " + Integer.MAX_VALUE
                    + " characters, more than a statement splitter can address"));
        }
        char[] block = blocks[blockCount - 1];
        int n;
        try {
            n = source.read(block, used, block.length - used);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (n < 0) {
            exhausted = true;
            return false;
        }
        lines.read(block, used, used + n, end);
        end += n;
        return true;
    }

    private void addBlock() {
        if (blockCount == blocks.length) {
            blocks = Arrays.copyOf(blocks, blocks.length * 2);
        }
        blocks[blockCount++] = spare != null ? spare : new char[mask + 1];
        spare = null;
    }

    private IllegalStateException released(int offset) {
        return new IllegalStateException("offset " + offset + " was released; the window holds [" + first + ", "
                + end + ")" + (pinned == NOT_PINNED ? "" : ", pinned at " + pinned));
    }
}

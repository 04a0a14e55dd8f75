package dev.migratest.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes a stream strictly as UTF-8, a buffer at a time, so that a file is never held whole: a UTF-8 byte order mark
 * at the start is dropped, and the first invalid byte sequence ends reading with an {@link InvalidUtf8Exception}
 * naming its line and bytes ({@link java.io.InputStreamReader} would replace such bytes silently).
 */
final class Utf8Reader extends Reader {
    static final int DEFAULT_BUFFER_SIZE = 8192;
    /** A byte order mark (3 bytes) and the longest UTF-8 sequence (4) must fit in the byte buffer. */
    private static final int MIN_BYTES = 4;
    /** A supplementary character decodes to two chars, which the decoder writes together or not at all. */
    private static final int MIN_CHARS = 2;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Bytes read and not yet decoded, ready for reading. */
    private final ByteBuffer bytes;
    /** Chars decoded and not yet handed out, ready for reading. */
    private final CharBuffer chars;
    private boolean started;
    private boolean endOfInput;
    private boolean flushed;
    /** Line breaks decoded so far: the line of an invalid sequence is one more. */
    private int newlines;

    Utf8Reader(InputStream in) {
        this(in, DEFAULT_BUFFER_SIZE);
    }

    /** @param bufferSize bytes read and chars decoded at a time; tests use tiny ones to cut sequences at the edge */
    Utf8Reader(InputStream in, int bufferSize) {
        this.in = Objects.requireNonNull(in, "in");
        this.bytes = ByteBuffer.allocate(Math.max(bufferSize, MIN_BYTES)).flip();
        this.chars = CharBuffer.allocate(Math.max(bufferSize, MIN_CHARS)).flip();
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(into, offset, n);
        return n;
    }

    /** Decodes until at least one char is ready; false at the end of the stream. */
    private boolean decodeMore() throws IOException {
        if (!started) {
            started = true;
            readStart();
        }
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                // Every byte before the invalid sequence has been decoded: its line breaks are all counted.
                countNewlines();
                throw new InvalidUtf8Exception(newlines + 1, invalid(result.length()));
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(chars);
                    flushed = true;
                } else {
                    readBytes();
                }
            }
        }
        countNewlines();
        chars.flip();
        return chars.hasRemaining();
    }

    /** Reads the first bytes, enough to tell a byte order mark, and skips the mark. */
    private void readStart() throws IOException {
        bytes.clear();
        while (bytes.position() < 3 && !endOfInput) {
            readOnce();
        }
        bytes.flip();
        if (bytes.remaining() >= 3 && (bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB
                && (bytes.get(2) & 0xFF) == 0xBF) {
            bytes.position(3);
        }
    }

    /** Keeps the bytes not decoded yet (the start of a sequence cut by the buffer's end) and reads more after them. */
    private void readBytes() throws IOException {
        bytes.compact();
        readOnce();
        bytes.flip();
    }

    /** One read from the file into {@code bytes} (in write mode), or the end of input noted. */
    private void readOnce() throws IOException {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
    }

    /** Counts the line breaks among the chars decoded into {@code chars} (in write mode) so far. */
    private void countNewlines() {
        char[] decoded = chars.array();
        for (int i = 0; i < chars.position(); i++) {
            if (decoded[i] == '\n') {
                newlines++;
            }
        }
    }

    /** E.g. {@code invalid UTF-8 bytes 0xE2 0x82}: the sequence at the decoder's position. */
    private String invalid(int length) {
        StringBuilder found = new StringBuilder(length == 1 ? "invalid UTF-8 byte" : "invalid UTF-8 bytes");
        int at = bytes.position();
        for (int i = at; i < Math.min(at + length, bytes.limit()); i++) {
            found.append(String.format(" 0x%02X", bytes.get(i) & 0xFF));
        }
        return found.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

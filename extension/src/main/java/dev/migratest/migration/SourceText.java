package dev.migratest.migration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a migration file strictly as UTF-8: a UTF-8 byte order mark is dropped; the first invalid byte sequence
 * becomes a problem naming its line and byte values.
 */
final class SourceText {

    private SourceText() {
    }

    /**
     * Reads and decodes {@code path}. Unlike {@link #decode}, the bytes are let go of before the text is made a
     * string: a 100 MB file with non-Latin-1 characters is 100 MB of bytes, 200 MB of decoded chars and 200 MB of
     * string, and only two of the three are ever held at once (the default heap of a 2 GB machine is 512 MB).
     */
    static Optional<String> read(Path path, String file, Collected out) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        CharBuffer text = decodeToChars(file, bytes, out);
        bytes = null;
        return text == null ? Optional.empty() : Optional.of(text.toString());
    }

    static Optional<String> decode(String file, byte[] bytes, Collected out) {
        return Optional.ofNullable(decodeToChars(file, bytes, out)).map(CharBuffer::toString);
    }

    /** The decoded text, flipped for reading; {@code null} with a problem recorded when the bytes are not UTF-8. */
    private static CharBuffer decodeToChars(String file, byte[] bytes, Collected out) {
        int start = hasBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer text = CharBuffer.allocate(bytes.length - start + 1);
        CoderResult result = decoder.decode(in, text, true);
        if (!result.isError()) {
            result = decoder.flush(text);
        }
        if (result.isError()) {
            int at = in.position();
            out.problem(file, lineOf(bytes, at), invalid(bytes, at, result.length()), "UTF-8 text",
                    "re-save the file as UTF-8");
            return null;
        }
        return text.flip();
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String invalid(byte[] bytes, int at, int length) {
        StringBuilder found = new StringBuilder(length == 1 ? "invalid UTF-8 byte" : "invalid UTF-8 bytes");
        for (int i = at; i < Math.min(at + length, bytes.length); i++) {
            found.append(String.format(" 0x%02X", bytes[i] & 0xFF));
        }
        return found.toString();
    }
}

package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file is decoded a buffer at a time, its bytes arriving as the disk hands them over; a sequence cut by the
 * buffer's end, a byte order mark that comes a byte at a time, and an invalid byte anywhere read as when the whole file
 * was decoded at once.
 */
class Utf8ReaderTest {

    @ParameterizedTest(name = "{0}-byte buffer")
    @ValueSource(ints = {4, 5, 6, 7, 8192})
    void sequencesCutByTheBufferAreDecodedWhole(int bufferSize) throws IOException {
        String text = "Zoë 山田 🚀 שלום\r\n".repeat(50);

        assertThat(decode(trickle(Utf8Bytes.of(text)), bufferSize)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}-byte buffer")
    @ValueSource(ints = {4, 5, 8192})
    void aByteOrderMarkIsDroppedEvenWhenItArrivesAByteAtATime(int bufferSize) throws IOException {
        assertThat(decode(trickle(Utf8Bytes.of(0xEF, 0xBB, 0xBF, "SELECT 1;")), bufferSize)).isEqualTo("SELECT 1;");
        // only at the start: further on, U+FEFF is a character of the text
        assertThat(decode(trickle(Utf8Bytes.of("a", 0xEF, 0xBB, 0xBF)), bufferSize)).isEqualTo("a\uFEFF");
        assertThat(decode(trickle(Utf8Bytes.of("")), bufferSize)).isEmpty();
        // a file cut inside its byte order mark is no UTF-8 either
        assertThat(catchThrowableOfType(InvalidUtf8Exception.class,
                () -> decode(trickle(Utf8Bytes.of(0xEF, 0xBB)), bufferSize)).found())
                .isEqualTo("invalid UTF-8 bytes 0xEF 0xBB");
    }

    @ParameterizedTest(name = "{0}-byte buffer")
    @ValueSource(ints = {4, 5, 6, 7, 11, 8192})
    void anInvalidByteNamesItsLineWhereverTheBufferEnds(int bufferSize) {
        byte[] latin1 = Utf8Bytes.of("SELECT 1;\n\nINSERT INTO t VALUES ('caf", 0xE9, "');\n");

        InvalidUtf8Exception invalid = catchThrowableOfType(InvalidUtf8Exception.class,
                () -> decode(trickle(latin1), bufferSize));

        assertThat(invalid).isNotNull();
        assertThat(invalid.line()).isEqualTo(3);
        assertThat(invalid.found()).isEqualTo("invalid UTF-8 byte 0xE9");
    }

    @ParameterizedTest(name = "{0}-byte buffer")
    @ValueSource(ints = {4, 5, 6, 7, 8192})
    void aSequenceTruncatedByTheEndOfTheFileIsReportedWithItsBytes(int bufferSize) {
        InvalidUtf8Exception invalid = catchThrowableOfType(InvalidUtf8Exception.class,
                () -> decode(trickle(Utf8Bytes.of("SELECT 1;\nSELECT '", 0xE2, 0x82)), bufferSize));

        assertThat(invalid).isNotNull();
        assertThat(invalid.line()).isEqualTo(2);
        assertThat(invalid.found()).isEqualTo("invalid UTF-8 bytes 0xE2 0x82");
    }

    private static String decode(InputStream in, int bufferSize) throws IOException {
        try (Utf8Reader reader = new Utf8Reader(in, bufferSize)) {
            return SourceText.readAll(reader);
        }
    }

    /** A stream that hands over one byte per read, as a slow pipe might. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(length, 1));
            }
        };
    }
}

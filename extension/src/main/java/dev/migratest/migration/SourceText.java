package dev.migratest.migration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads a file's text strictly as UTF-8 ({@link Utf8Reader}) while the caller consumes it, and turns what can go wrong
 * (invalid bytes, an I/O error) into the file's one problem.
 */
final class SourceText {

    /** Opens the file's bytes; called once. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** Makes something of a file's text as it is read. */
    @FunctionalInterface
    interface TextReader<T> {
        /**
         * @param text  the decoded text, byte order mark dropped
         * @param found receives the problems met in the text
         */
        T read(Reader text, Collected found) throws IOException;
    }

    private SourceText() {
    }

    /**
     * Reads the file through {@code reader}. When its bytes turn out not to be UTF-8, or cannot be read, only that
     * problem is recorded and the result is empty: whatever {@code reader} found was found in part of the file (an
     * unclosed string cut short by the bad byte), so its problems are dropped with its result.
     */
    static <T> Optional<T> read(String file, Opener opener, TextReader<T> reader, Collected out) {
        Collected found = new Collected();
        try (Reader text = new Utf8Reader(opener.open())) {
            T result = reader.read(text, found);
            out.problems(found.problems());
            return Optional.of(result);
        } catch (UncheckedIOException e) {
            // a SourceWindow reading for the lexer, which cannot throw IOException from its loops
            recordFailure(file, e.getCause(), out);
        } catch (IOException e) {
            recordFailure(file, e, out);
        }
        return Optional.empty();
    }

    /** The whole text of bytes already in hand, decoded as a file's would be. */
    static Optional<String> decode(String file, byte[] bytes, Collected out) {
        return read(file, () -> new ByteArrayInputStream(bytes), (text, found) -> readAll(text), out);
    }

    /** The whole text: for small side files (a Flyway {@code .conf}, a diesel {@code metadata.toml}). */
    static String readAll(Reader text) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[Utf8Reader.DEFAULT_BUFFER_SIZE];
        for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
            all.append(buffer, 0, n);
        }
        return all.toString();
    }

    private static void recordFailure(String file, IOException failure, Collected out) {
        if (failure instanceof InvalidUtf8Exception invalid) {
            out.problem(file, invalid.line(), invalid.found(), "UTF-8 text", "re-save the file as UTF-8");
        } else {
            out.problem(file, null, "a file that cannot be read (" + failure + ")", "a readable file",
                    "check the file's permissions");
        }
    }
}

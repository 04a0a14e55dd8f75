package dev.migratest.migration;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class PlaceholderReaderTest {

    private static String readAll(PlaceholderReader reader, int bufferSize) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[bufferSize];
        for (int n = reader.read(buffer, 0, bufferSize); n >= 0; n = reader.read(buffer, 0, bufferSize)) {
            all.append(buffer, 0, n);
        }
        return all.toString();
    }

    /** A source handing out one character per read: every placeholder straddles a chunk boundary. */
    private static Reader trickling(String text) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at >= text.length()) return -1;
                buffer[offset] = text.charAt(at++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void replacesAcrossChunkBoundariesAndKeepsUnknownOnesWithTheirLine() throws IOException {
        String text = "CREATE SCHEMA ${schema};\n-- $ and { alone stay\nSELECT '${missing}', $$x$$, ${ empty};\n"
                + "${Schema}${unterminated";
        PlaceholderReader reader = new PlaceholderReader(trickling(text), "${", "}",
                Map.of("SCHEMA", "app", " empty", ""));

        assertThat(readAll(reader, 3)).isEqualTo("CREATE SCHEMA app;\n-- $ and { alone stay\n"
                + "SELECT '${missing}', $$x$$, ;\napp${unterminated");
        assertThat(reader.unreplaced()).containsExactly(entry("${missing}", 3));
    }

    @Test
    void otherPrefixesAndSuffixesAndALongRunWithoutSuffix() throws IOException {
        String longText = "#[" + "x".repeat(500) + "\nSELECT #[a];";
        PlaceholderReader reader = new PlaceholderReader(new StringReader(longText), "#[", "]", Map.of("a", "1"));

        assertThat(readAll(reader, 64)).isEqualTo("#[" + "x".repeat(500) + "\nSELECT 1;");
        assertThat(reader.unreplaced()).isEmpty();
    }
}

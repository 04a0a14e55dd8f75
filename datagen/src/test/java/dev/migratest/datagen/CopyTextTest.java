package dev.migratest.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void escapesTheCharactersCopyTextGivesMeaningTo() {
        assertThat(CopyText.field("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(CopyText.field(null)).isEqualTo("\\N");
        assertThat(CopyText.field("\\N")).isEqualTo("\\\\N");
        assertThat(CopyText.field("\\.")).isEqualTo("\\\\.");
        assertThat(CopyText.field("\\x00ff")).as("bytea hex input").isEqualTo("\\\\x00ff");
        assertThat(CopyText.field("NULL")).isEqualTo("NULL");
        assertThat(CopyText.field("\uD83D\uDE00 \u05E9")).isEqualTo("\uD83D\uDE00 \u05E9");
    }

    @Test
    void quotesArrayElementsThatNeedIt() {
        assertThat(CopyText.array(List.of())).isEqualTo("{}");
        assertThat(CopyText.array(Arrays.asList("a", null, "", "NULL", "null", "b c", "x,y", "{}", "q\"", "b\\s")))
                .isEqualTo("{a,NULL,\"\",\"NULL\",\"null\",\"b c\",\"x,y\",\"{}\",\"q\\\"\",\"b\\\\s\"}");
        assertThat(CopyText.nested(List.of("{1,2}", "{3,4}"))).isEqualTo("{{1,2},{3,4}}");
        // an array literal is then escaped once more as a COPY field
        assertThat(CopyText.field(CopyText.array(List.of("b\\s")))).isEqualTo("{\"b\\\\\\\\s\"}");
    }

    @Test
    void neverEmitsNulOrLoneSurrogates() {
        assertThat(Values.clean("a\u0000b")).isEqualTo("ab");
        assertThat(Values.clean("x\uD83Dy\uDE00z\uD83D\uDE00")).isEqualTo("xyz\uD83D\uDE00");
        assertThat(Values.length(Values.ofLength(7))).isEqualTo(7);
        assertThat(Values.truncate("a\uD83D\uDE00b", 2)).isEqualTo("a\uD83D\uDE00");
    }

    @Test
    void rowReaderStreamsRowsInChunks() throws Exception {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            expected.append(i).append('\n');
        }
        RowReader reader = new RowReader((row, out) -> out.append(row).append('\n'), 0, 2000);
        StringBuilder got = new StringBuilder();
        char[] buf = new char[77];
        for (int n; (n = reader.read(buf, 0, buf.length)) > 0; ) {
            got.append(buf, 0, n);
        }
        assertThat(got.toString()).isEqualTo(expected.toString());
    }
}

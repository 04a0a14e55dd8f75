package dev.migratest.postgres;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ScratchMarkTest {
    private static final Instant CREATED = Instant.parse("2025-01-31T10:15:30.123Z");

    @Test
    void theCommentReadsBackAsTheSameMark() {
        ScratchMark mark = new ScratchMark("1a2b3c4d", "ci-7.example", 4711, CREATED);

        assertThat(mark.comment())
                .isEqualTo("migratest scratch: run 1a2b3c4d, host ci-7.example, pid 4711, created 2025-01-31T10:15:30.123Z");
        assertThat(ScratchMark.parse(mark.comment())).contains(mark);
    }

    @Test
    void keptDatabasesAndForeignCommentsAreNoMark() {
        ScratchMark mark = new ScratchMark("1a2b3c4d", "ci-7", 4711, CREATED);

        assertThat(mark.keptComment()).startsWith("migratest kept for inspection: run 1a2b3c4d, host ci-7");
        assertThat(ScratchMark.parse(mark.keptComment())).isEmpty();
        assertThat(ScratchMark.parse(null)).isEmpty();
        assertThat(ScratchMark.parse("production copy, do not drop")).isEmpty();
        assertThat(ScratchMark.parse(mark.comment() + " (edited)")).isEmpty();
        assertThat(ScratchMark.parse(mark.comment().replace("2025-01-31", "yesterday"))).isEmpty();
    }

    @Test
    void aMarkFromAnUnknownHostIsNeverCalledDead() {
        assertThat(new ScratchMark("1a2b3c4d", ThisHost.UNKNOWN, Long.MAX_VALUE, CREATED).creatorGoneOnThisHost())
                .isFalse();
    }
}

package dev.migratest.postgres;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStartsTest {
    private static final Instant OWNER = Instant.parse("2026-11-21T10:00:00.000Z");

    @Test
    void aStartASecondOrTwoApartIsTheSameProcessSeenByAnotherJvm() {
        assertThat(ProcessStarts.pidReused(OWNER, OWNER)).isFalse();
        assertThat(ProcessStarts.pidReused(OWNER, OWNER.plusMillis(1_000))).isFalse();
        assertThat(ProcessStarts.pidReused(OWNER, OWNER.minusMillis(1_000))).isFalse();
        assertThat(ProcessStarts.pidReused(OWNER, OWNER.plusMillis(2_000))).isFalse();
    }

    @Test
    void aProcessThatStartedClearlyLaterHasTakenOverThePid() {
        assertThat(ProcessStarts.pidReused(OWNER, OWNER.plusMillis(2_001))).isTrue();
        assertThat(ProcessStarts.pidReused(OWNER, OWNER.plusSeconds(600))).isTrue();
    }
}

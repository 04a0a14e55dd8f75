package dev.migratest.locks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProbeTimeoutsTest {
    private static final Duration DEFAULT_DEADLOCK_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void theDefaultProbeTimeoutIsKeptAndItsStatementEndsAQuarterOfDeadlockTimeoutEarly() {
        ProbeTimeouts timeouts = ProbeTimeouts.under(DEFAULT_DEADLOCK_TIMEOUT, Duration.ofMillis(25));

        assertThat(timeouts.lock()).isEqualTo(Duration.ofMillis(25));
        // 20 × 25 ms + 1 s would be 1.5 s: longer than deadlock_timeout.
        assertThat(timeouts.statement()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void aProbeTimeoutBelowHalfTheDeadlockTimeoutIsKept() {
        ProbeTimeouts timeouts = ProbeTimeouts.under(DEFAULT_DEADLOCK_TIMEOUT, Duration.ofMillis(400));

        assertThat(timeouts).isEqualTo(new ProbeTimeouts(Duration.ofMillis(400), Duration.ofMillis(750)));
    }

    @Test
    void aProbeTimeoutAboveHalfTheDeadlockTimeoutIsLoweredToHalf() {
        assertThat(ProbeTimeouts.under(DEFAULT_DEADLOCK_TIMEOUT, Duration.ofMillis(5000)))
                .isEqualTo(new ProbeTimeouts(Duration.ofMillis(500), Duration.ofMillis(750)));
        assertThat(ProbeTimeouts.under(DEFAULT_DEADLOCK_TIMEOUT, Duration.ofMillis(1000)).lock())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aShortStatementBoundIsKeptWhenItIsBelowTheCap() {
        ProbeTimeouts timeouts = ProbeTimeouts.under(Duration.ofSeconds(60), Duration.ofMillis(25));

        assertThat(timeouts).isEqualTo(new ProbeTimeouts(Duration.ofMillis(25), Duration.ofMillis(1500)));
    }

    @Test
    void aServerWithALowDeadlockTimeoutLowersEvenTheDefault() {
        assertThat(ProbeTimeouts.under(Duration.ofMillis(20), Duration.ofMillis(25)))
                .isEqualTo(new ProbeTimeouts(Duration.ofMillis(10), Duration.ofMillis(15)));
    }

    @Test
    void theBoundsStayInWholeMillisecondsAndNeverReachZeroWhichWouldTurnThemOff() {
        assertThat(ProbeTimeouts.under(Duration.ofMillis(3), Duration.ofMillis(25)))
                .isEqualTo(new ProbeTimeouts(Duration.ofMillis(1), Duration.ofMillis(2)));
        assertThat(ProbeTimeouts.under(Duration.ofMillis(1), Duration.ofMillis(25)))
                .isEqualTo(new ProbeTimeouts(Duration.ofMillis(1), Duration.ofMillis(1)));
    }

    @Test
    void whateverIsConfiguredTheLockWaitIsBelowTheStatementBoundWhichIsBelowDeadlockTimeout() {
        for (long deadlockMs : new long[] {4, 10, 200, 1000, 5000}) {
            for (long configuredMs : new long[] {1, 2, 25, 499, 500, 501, 1000, 60_000}) {
                Duration deadlock = Duration.ofMillis(deadlockMs);
                ProbeTimeouts timeouts = ProbeTimeouts.under(deadlock, Duration.ofMillis(configuredMs));

                assertThat(timeouts.lock()).as("%d ms under %d ms", configuredMs, deadlockMs)
                        .isLessThanOrEqualTo(Duration.ofMillis(configuredMs))
                        .isLessThan(timeouts.statement());
                assertThat(timeouts.statement()).as("%d ms under %d ms", configuredMs, deadlockMs).isLessThan(deadlock);
            }
        }
    }

    @Test
    void probesBetweenTheStatementsOfATransactionWaitAtMostWhatTheyAreGiven() {
        ProbeTimeouts timeouts = ProbeTimeouts.under(DEFAULT_DEADLOCK_TIMEOUT, Duration.ofMillis(25));

        assertThat(timeouts.lockAtMost(Duration.ofMillis(2)))
                .isEqualTo(new ProbeTimeouts(Duration.ofMillis(2), Duration.ofMillis(750)));
        assertThat(ProbeTimeouts.under(DEFAULT_DEADLOCK_TIMEOUT, Duration.ofMillis(1)).lockAtMost(Duration.ofMillis(2))
                .lock()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void boundsThatWouldTurnTheSettingsOffOrCutTheLockWaitShortAreRefusedWithTheirValues() {
        assertThatThrownBy(() -> new ProbeTimeouts(Duration.ZERO, Duration.ofMillis(750)))
                .hasMessage("probe timeouts must be at least 1 ms, the statement's no shorter than the lock wait:"
                        + " lock 0 ms, statement 750 ms");
        assertThatThrownBy(() -> new ProbeTimeouts(Duration.ofMillis(500), Duration.ofMillis(400)))
                .hasMessageEndingWith("lock 500 ms, statement 400 ms");
    }
}

package dev.migratest.locks;

import dev.migratest.locks.BlockingProbe.ProbeResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeResultTest {

    @Test
    void aLaterProbeThatFoundNothingDoesNotUndoAnEarlierBlock() {
        ProbeResult rowLocksWaitedFor = new ProbeResult(false, true);

        assertThat(rowLocksWaitedFor.combinedWith(ProbeResult.NOT_BLOCKED)).isEqualTo(new ProbeResult(false, true));
        assertThat(ProbeResult.NOT_BLOCKED.combinedWith(rowLocksWaitedFor)).isEqualTo(new ProbeResult(false, true));
    }

    @Test
    void aBlockFromEitherProbeWinsOverAnUnknown() {
        assertThat(new ProbeResult(null, null).combinedWith(new ProbeResult(true, true)))
                .isEqualTo(new ProbeResult(true, true));
    }

    @Test
    void anUnknownIsKeptWhenNoProbeSawABlock() {
        assertThat(new ProbeResult(false, null).combinedWith(ProbeResult.NOT_BLOCKED))
                .isEqualTo(new ProbeResult(false, null));
    }

    @Test
    void twoProbesThatFoundNothingFoundNothing() {
        assertThat(ProbeResult.NOT_BLOCKED.combinedWith(ProbeResult.NOT_BLOCKED)).isEqualTo(ProbeResult.NOT_BLOCKED);
    }
}

package dev.migratest.postgres;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a live process with a recorded pid is still the one that was recorded, judged by start times. The JDK derives
 * a process's start from its start tick and the boot time in {@code /proc/stat}, which two JVMs may read a second
 * apart: an exact comparison would take a live owner for a reused pid, and stop its server. Only a process that started
 * clearly later than the recorded one is another process.
 */
final class ProcessStarts {
    static final Duration TOLERANCE = Duration.ofSeconds(2);

    private ProcessStarts() {
    }

    /** {@code true} when the process now running under the pid started after the recorded owner, beyond the tolerance. */
    static boolean pidReused(Instant recordedStart, Instant runningStart) {
        return runningStart.isAfter(recordedStart.plus(TOLERANCE));
    }
}

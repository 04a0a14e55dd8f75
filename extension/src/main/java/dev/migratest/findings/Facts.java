package dev.migratest.findings;

import dev.migratest.locks.LockHold;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Measured numbers written the same way in every message. */
final class Facts {

    private Facts() {
    }

    /** {@code 412 ms}, or {@code 3.1 ms} below ten, where the decimal still says something. */
    static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.1f ms", millis) : Math.round(millis) + " ms";
    }

    /** {@code 50 000}: grouped, and the same in every locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    /** {@code line 5} or {@code lines 5, 9}. */
    static String lines(List<Integer> lines) {
        return (lines.size() == 1 ? "line " : "lines ")
                + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** {@code AccessExclusiveLock, held 412 ms}. */
    static String hold(LockHold lock) {
        return lock.mode().pgName() + ", held " + ms(lock.heldMs());
    }
}

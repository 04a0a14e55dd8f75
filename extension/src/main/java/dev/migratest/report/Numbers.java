package dev.migratest.report;

import dev.migratest.locks.LockMode;

import java.util.Locale;

/** How the reports write times, counts and lock modes: short, the same everywhere, never locale-dependent. */
public final class Numbers {

    private Numbers() {
    }

    /** {@code 0.42 ms}, {@code 12.3 ms}, {@code 412 ms}, {@code 1.25 s}, {@code 2 min 5 s}. */
    public static String duration(double ms) {
        if (ms < 10) return String.format(Locale.ROOT, "%.2f ms", ms);
        if (ms < 100) return String.format(Locale.ROOT, "%.1f ms", ms);
        if (ms < 1000) return String.format(Locale.ROOT, "%.0f ms", ms);
        if (ms < 60_000) return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        long seconds = Math.round(ms / 1000);
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    /** {@code 1 000 000}: thin groups that read the same in every locale. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    /** {@code AccessExclusive}: the mode without the {@code Lock} every mode ends with. */
    public static String mode(LockMode mode) {
        return mode.pgName().substring(0, mode.pgName().length() - "Lock".length());
    }

    /** A plain number for {@code data-sort} attributes and CSV-like use: dot decimal, three places. */
    static String plain(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}

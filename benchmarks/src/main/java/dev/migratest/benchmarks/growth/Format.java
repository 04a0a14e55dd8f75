package dev.migratest.benchmarks.growth;

import java.util.Locale;

/** Number formatting shared by the fit's texts and the report, so both say "1M rows" the same way. */
final class Format {
    private Format() {
    }

    /** 10000 → 10k, 1500000 → 1.5M, 12345 → 12,345. */
    static String rows(long n) {
        if (n >= 1_000_000 && n % 100_000 == 0) {
            return trim(n / 1e6) + "M";
        }
        if (n >= 1_000 && n % 100 == 0) {
            return trim(n / 1e3) + "k";
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Three significant figures are more than a benchmark's precision; thousands separated for the big ones. */
    static String value(double v) {
        double abs = Math.abs(v);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String factor(double f) {
        return f >= 10 ? String.format(Locale.ROOT, "%,.0f", f) : String.format(Locale.ROOT, "%.1f", f);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}

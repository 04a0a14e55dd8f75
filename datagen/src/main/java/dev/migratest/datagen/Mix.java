package dev.migratest.datagen;

import java.nio.charset.StandardCharsets;

/**
 * Stateless hashing: every generated value is a pure function of (seed, table, column, row index), so the same
 * seed gives the same bytes whatever the thread count or chunking. No shared {@code Random}.
 */
final class Mix {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    /** The SplitMix64 finalizer: a bijection on long, so distinct inputs give distinct outputs. */
    static long fmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A key for one stream of values: (seed, parts…), e.g. (seed, table, column). */
    static long key(long seed, String... parts) {
        long h = fmix(seed + GOLDEN);
        for (String p : parts) {
            for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
                h = fmix(h ^ (b & 0xff)) + GOLDEN;
            }
            h = fmix(h ^ 0xFF);
        }
        return h;
    }

    /** The hash of row {@code row} in the stream {@code key}. */
    static long at(long key, long row) {
        return fmix(key + row * GOLDEN);
    }

    /** A number in [0, bound) from a hash. */
    static long below(long hash, long bound) {
        return Math.floorMod(hash, bound);
    }

    /** A double in [0, 1) from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}

package dev.migratest.locks;

import java.util.List;

/**
 * Whether the application's reads and writes of pre-existing tables were blocked while a statement ran (or, in a
 * transaction, from that statement until COMMIT: locks taken earlier in the transaction still count).
 *
 * @param reads           a primary-key SELECT on one of {@code readsBlockedOn} waited; {@code null} when unknown
 * @param writes          a primary-key UPDATE on one of {@code writesBlockedOn} waited; {@code null} when unknown
 * @param readsBlockedOn  tables whose reads were blocked
 * @param writesBlockedOn tables whose writes were blocked
 * @param probed          {@code true} when a second connection tried for real (with a short {@code lock_timeout});
 *                        {@code false} when the statement ended before a probe could run and the answer is inferred
 *                        from the lock modes seen
 */
public record Blocking(Boolean reads, Boolean writes, List<String> readsBlockedOn, List<String> writesBlockedOn,
                       boolean probed) {
    public static final Blocking NONE = new Blocking(false, false, List.of(), List.of(), true);

    public Blocking {
        readsBlockedOn = List.copyOf(readsBlockedOn);
        writesBlockedOn = List.copyOf(writesBlockedOn);
    }

    public boolean blockedReads() {
        return Boolean.TRUE.equals(reads);
    }

    public boolean blockedWrites() {
        return Boolean.TRUE.equals(writes);
    }
}

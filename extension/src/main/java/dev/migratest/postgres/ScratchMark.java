package dev.migratest.postgres;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who created a scratch database, written on the server as the database's comment so that a later run can tell a
 * leftover of a killed JVM from a database someone is still using:
 * {@code migratest scratch: run 1a2b3c4d, host ci-7, pid 4711, created 2025-01-31T10:15:30Z}.
 * A kept database gets {@link #keptComment()} instead, which no clean-up ever matches.
 *
 * @param runId   the run's id, also part of every database name it creates
 * @param host    the host name of the JVM that created it
 * @param pid     that JVM's process id
 * @param created when it was created, by that JVM's clock
 */
public record ScratchMark(String runId, String host, long pid, Instant created) {
    static final String SCRATCH = "migratest scratch: ";
    static final String KEPT = "migratest kept for inspection: ";
    private static final Pattern COMMENT = Pattern.compile(
            "migratest scratch: run ([0-9a-f]{8}), host ([A-Za-z0-9._-]+), pid (\\d+), created (\\S+)");

    /** This JVM's mark for run {@code runId}. */
    static ScratchMark ofThisProcess(String runId) {
        return new ScratchMark(runId, ThisHost.name(), ProcessHandle.current().pid(), Instant.now());
    }

    /** The comment of a scratch database in use. */
    String comment() {
        return SCRATCH + fields();
    }

    /** The comment of a database kept for a person: a clean-up leaves it alone. */
    String keptComment() {
        return KEPT + fields();
    }

    private String fields() {
        return "run " + runId + ", host " + host + ", pid " + pid + ", created " + created;
    }

    /** The mark of a scratch database in use, or empty for any other comment (a kept database's included). */
    static Optional<ScratchMark> parse(String comment) {
        if (comment == null) return Optional.empty();
        Matcher m = COMMENT.matcher(comment);
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(new ScratchMark(m.group(1), m.group(2), Long.parseLong(m.group(3)),
                    Instant.parse(m.group(4))));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * True only when the creating JVM ran on this host and is gone: no process has its pid, or the one that has it
     * started after the database was created (the pid was reused). A mark from another host is never called dead:
     * its process cannot be seen from here.
     */
    boolean creatorGoneOnThisHost() {
        if (!host.equals(ThisHost.name()) || host.equals(ThisHost.UNKNOWN)) return false;
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) return true;
        Optional<Instant> started = process.get().info().startInstant();
        return started.isPresent() && started.get().isAfter(created);
    }
}

package dev.migratest.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM that started a container, written on the container as labels so that a later run can tell the container of
 * a JVM that was killed from one that is still in use:
 * {@code dev.migratest.owner.host=ci-7}, {@code dev.migratest.owner.pidns=pid:[4026531836]},
 * {@code dev.migratest.owner.pid=4711}, {@code dev.migratest.owner.started=2025-01-31T10:15:30.120Z}.
 * Labels cannot be changed once a container exists, so all of them are known before it is created.
 *
 * @param host         the host name of the JVM ({@link ThisHost})
 * @param pidNamespace the machine's boot id and the JVM's pid namespace ({@code /proc/self/ns/pid}), empty where there
 *                     is none to read: two processes on one host name see each other's pids only when they share it (a
 *                     CI job in a container whose host name is fixed is in a namespace of its own). The boot id tells
 *                     apart two machines of the same host name sharing one Docker daemon, whose root namespaces carry
 *                     the same number.
 * @param pid          the JVM's process id
 * @param started      when that process started, or null when the platform does not say
 */
record ContainerOwner(String host, String pidNamespace, long pid, Instant started) {
    static final String HOST = "dev.migratest.owner.host";
    static final String PID_NAMESPACE = "dev.migratest.owner.pidns";
    static final String PID = "dev.migratest.owner.pid";
    static final String STARTED = "dev.migratest.owner.started";
    private static final Path PID_NAMESPACE_LINK = Path.of("/proc/self/ns/pid");
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    /** What a later run makes of a container's owner. */
    enum Verdict {
        /**
         * Another host, machine or pid namespace, or one that could not be told: its processes cannot be seen from
         * here, so it is never taken for dead.
         */
        ELSEWHERE(false),
        /** The owner still runs (or a process with its pid whose start time is unknown: reuse cannot be proven). */
        OWNER_RUNS(false),
        /** No process has the owner's pid any more. */
        OWNER_GONE(true),
        /** The pid belongs to a process that started after the owner: the owner is gone. */
        PID_REUSED(true);

        private final boolean orphaned;

        Verdict(boolean orphaned) {
            this.orphaned = orphaned;
        }

        boolean orphaned() {
            return orphaned;
        }
    }

    /** This JVM. */
    static ContainerOwner thisJvm() {
        ProcessHandle self = ProcessHandle.current();
        return new ContainerOwner(ThisHost.name(), readPidNamespace(), self.pid(),
                self.info().startInstant().orElse(null));
    }

    /** The labels to put on a container this JVM starts. */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(HOST, host);
        if (!pidNamespace.isEmpty()) labels.put(PID_NAMESPACE, pidNamespace);
        labels.put(PID, Long.toString(pid));
        if (started != null) labels.put(STARTED, started.toString());
        return labels;
    }

    /**
     * The owner named by a container's labels; empty when they do not name one completely (no host or pid, or a value
     * migratest would not have written): such a container is not known to be migratest's and is never touched.
     */
    static Optional<ContainerOwner> fromLabels(Map<String, String> labels) {
        if (labels == null) return Optional.empty();
        String host = labels.get(HOST);
        String pid = labels.get(PID);
        String started = labels.get(STARTED);
        if (host == null || host.isBlank() || pid == null) return Optional.empty();
        try {
            long number = Long.parseLong(pid.strip());
            if (number <= 0) return Optional.empty();
            return Optional.of(new ContainerOwner(host.strip(), labels.getOrDefault(PID_NAMESPACE, "").strip(), number,
                    started == null ? null : Instant.parse(started.strip())));
        } catch (NumberFormatException | DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Whether this owner, as seen by {@code here} (the JVM deciding), is gone. Only an owner on the same host and in
     * the same pid namespace can be judged; it is gone when no live process has its pid, or when the process that has
     * it started later than the owner did (beyond {@link ProcessStarts#TOLERANCE}).
     */
    Verdict verdict(ContainerOwner here) {
        if (!host.equals(here.host) || host.equals(ThisHost.UNKNOWN) || pidNamespace.isEmpty()
                || !pidNamespace.equals(here.pidNamespace)) {
            return Verdict.ELSEWHERE;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) return Verdict.OWNER_GONE;
        Optional<Instant> processStarted = process.get().info().startInstant();
        if (started == null || processStarted.isEmpty()) return Verdict.OWNER_RUNS;
        return ProcessStarts.pidReused(started, processStarted.get()) ? Verdict.PID_REUSED : Verdict.OWNER_RUNS;
    }

    /** For log lines: {@code JVM pid 4711 started 2025-01-31T10:15:30.120Z on ci-7}. */
    String describe() {
        return "JVM pid " + pid + (started == null ? "" : " started " + started) + " on " + host;
    }

    private static String readPidNamespace() {
        try {
            return Files.readString(BOOT_ID).strip() + " " + Files.readSymbolicLink(PID_NAMESPACE_LINK);
        } catch (IOException | UnsupportedOperationException | SecurityException none) {
            // not Linux, or not allowed: no owner can be judged, so no container of this kind is ever swept
            return "";
        }
    }
}

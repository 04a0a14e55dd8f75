package dev.migratest.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The System V shared memory segment of one embedded server, as its postmaster recorded it in {@code postmaster.pid}
 * (line 7: key and id). PostgreSQL keeps only a small header there (its main memory is anonymous and dies with its
 * processes), and removes it when it stops; a postmaster killed with SIGKILL leaves it behind for good, since only
 * the next start of that very data directory would find it.
 * <p>
 * {@link #removeIfAbandoned} removes it only when the kernel's own record ({@code /proc/sysvipc/shm}) proves it is
 * that segment and that nobody uses it: same id, same key, created by the pid the postmaster wrote into its pid file,
 * owned by the data directory's owner, and no process attached. Linux only; elsewhere nothing is touched.
 */
final class SysvSegment {
    private static final Path SEGMENTS = Path.of("/proc/sysvipc/shm");
    private static final System.Logger LOG = System.getLogger(SysvSegment.class.getName());
    /** postmaster.pid: line 1 the postmaster's pid, line 7 the segment's key and id. */
    private static final int PID_LINE = 0;
    private static final int SEGMENT_LINE = 6;

    private final long key;
    private final long id;
    private final long creator;
    private final int owner;

    private SysvSegment(long key, long id, long creator, int owner) {
        this.key = key;
        this.id = id;
        this.creator = creator;
        this.owner = owner;
    }

    /** The segment recorded in {@code dataDir}'s postmaster.pid; empty without one (not started, not Linux). */
    static Optional<SysvSegment> recordedIn(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isReadable(SEGMENTS) || !Files.isRegularFile(pidFile)) return Optional.empty();
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() <= SEGMENT_LINE) return Optional.empty();
            String[] keyAndId = lines.get(SEGMENT_LINE).trim().split("\\s+");
            if (keyAndId.length != 2) return Optional.empty();
            int owner = (Integer) Files.getAttribute(dataDir, "unix:uid");
            return Optional.of(new SysvSegment(Long.parseLong(keyAndId[0]), Long.parseLong(keyAndId[1]),
                    Long.parseLong(lines.get(PID_LINE).trim()), owner));
        } catch (IOException | RuntimeException unreadable) {
            // a pid file being written, or not PostgreSQL's: nothing can be proved from it
            return Optional.empty();
        }
    }

    long id() {
        return id;
    }

    /**
     * Removes the segment once no process is attached (a killed postmaster's backends take a moment to notice and
     * exit), waiting at most {@code attachedFor}; true when it was removed here. Gone already (the server stopped
     * cleanly), another segment under that id, or still attached when the wait ends: left alone. Never throws: a
     * segment that cannot be removed is a warning with the command that removes it, and the caller's clean-up (data
     * directory, owner file) goes on.
     */
    boolean removeIfAbandoned(Duration attachedFor) {
        long deadline = System.nanoTime() + attachedFor.toNanos();
        try {
            while (true) {
                Optional<long[]> row = kernelRow();
                if (row.isEmpty() || !isOurs(row.get())) return false;
                if (row.get()[Column.NATTCH.ordinal()] == 0) return remove();
                if (System.nanoTime() >= deadline) {
                    LOG.log(System.Logger.Level.WARNING, "the " + this + " still has processes attached after a"
                            + " wait of " + attachedFor.toMillis() + " ms; left in place. Fix: once they have exited,"
                            + " ipcrm -m " + id);
                    return false;
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(System.Logger.Level.WARNING, "interrupted while waiting to remove the " + this + "; left in place."
                    + " Fix: ipcrm -m " + id + " once no process is attached");
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove the " + this + ": " + e.getMessage()
                    + ". Fix: ipcrm -m " + id + " once no process is attached");
            return false;
        }
    }

    private boolean isOurs(long[] row) {
        // The kernel prints the key as a signed int, PostgreSQL as an unsigned long.
        return (int) row[Column.KEY.ordinal()] == (int) key && row[Column.CPID.ordinal()] == creator
                && row[Column.UID.ordinal()] == owner;
    }

    /** The kernel's record of this id: the columns of {@link Column}, in that order. */
    private Optional<long[]> kernelRow() throws IOException {
        List<String> lines = Files.readAllLines(SEGMENTS, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) return Optional.empty();
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
        int[] at = Arrays.stream(Column.values()).mapToInt(c -> header.indexOf(c.header)).toArray();
        if (Arrays.stream(at).anyMatch(i -> i < 0)) return Optional.empty();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < header.size() || Long.parseLong(fields[at[Column.SHMID.ordinal()]]) != id) continue;
            return Optional.of(Arrays.stream(at).mapToLong(i -> Long.parseLong(fields[i])).toArray());
        }
        return Optional.empty();
    }

    /** ipcrm: the JDK has no call for shmctl(IPC_RMID). */
    private boolean remove() throws IOException, InterruptedException {
        Process ipcrm = new ProcessBuilder("ipcrm", "-m", Long.toString(id)).redirectErrorStream(true).start();
        // its output is a line at most: read after the bounded wait, so that the bound holds
        if (!ipcrm.waitFor(10, TimeUnit.SECONDS)) {
            ipcrm.destroyForcibly();
            throw new IOException("ipcrm -m " + id + " did not finish within 10 s");
        }
        String output = new String(ipcrm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (ipcrm.exitValue() != 0) throw new IOException("ipcrm -m " + id + " failed: " + output);
        return true;
    }

    @Override
    public String toString() {
        return "System V shared memory segment " + id + " (key " + key + ", postmaster " + creator + ")";
    }

    /** The columns of /proc/sysvipc/shm that prove whose segment it is, found by their header. */
    private enum Column {
        KEY("key"), SHMID("shmid"), CPID("cpid"), NATTCH("nattch"), UID("uid");

        final String header;

        Column(String header) {
            this.header = header;
        }
    }
}

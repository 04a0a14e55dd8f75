package dev.migratest.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared memory of one running Postgres, read from outside while it runs: the segment files its processes have
 * mapped ({@code /proc/<pid>/maps}: {@code /dev/shm/PostgreSQL.*}, or the data directory's {@code pg_dynshmem/}) and
 * the System V segment its postmaster.pid names, as the kernel lists it ({@code /proc/sysvipc/shm}). So that a test
 * can prove that nothing of a killed server outlives its cleanup, and that another server's memory is untouched,
 * without looking at anything else in {@code /dev/shm}, which other servers on the machine share.
 */
final class ServerSharedMemory {
    private static final Path RAM_DISK = Path.of("/dev/shm");
    /** A maps line: address, perms, offset, device, inode, then the path (" (deleted)" once unlinked). */
    private static final Pattern MAPPED_PATH = Pattern.compile("^\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\d+\\s+(/.+?)( \\(deleted\\))?$");

    private final long postmaster;
    private final List<Path> segmentFiles;
    private final long sysvKey;
    private final long sysvId;

    private ServerSharedMemory(long postmaster, List<Path> segmentFiles, long sysvKey, long sysvId) {
        this.postmaster = postmaster;
        this.segmentFiles = segmentFiles;
        this.sysvKey = sysvKey;
        this.sysvId = sysvId;
    }

    /** Reads it now, from the live processes and {@code dataDirectory}/postmaster.pid. */
    static ServerSharedMemory of(PostgresProcesses processes, Path dataDirectory) throws IOException {
        List<Path> files = new ArrayList<>();
        for (ProcessHandle process : processes.alive()) {
            Path maps = Path.of("/proc", Long.toString(process.pid()), "maps");
            List<String> lines;
            try {
                lines = Files.readAllLines(maps, StandardCharsets.UTF_8);
            } catch (IOException exited) {
                continue; // a backend that ended since the list was taken maps nothing any more
            }
            for (String line : lines) {
                Matcher m = MAPPED_PATH.matcher(line);
                if (!m.matches()) continue;
                Path path = Path.of(m.group(1));
                if (isPosixSegment(path) || path.toString().contains("/pg_dynshmem/")) {
                    if (!files.contains(path)) files.add(path);
                }
            }
        }
        List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        String[] keyAndId = pidFile.get(6).trim().split("\\s+");
        ServerSharedMemory memory = new ServerSharedMemory(processes.postmaster().pid(), List.copyOf(files),
                Long.parseLong(keyAndId[0]), Long.parseLong(keyAndId[1]));
        assertThat(memory.sysvSegment()).as("the running server's %s", memory).isPresent()
                .hasValueSatisfying(row -> assertThat(row.cpid).as("its creator").isEqualTo(memory.postmaster));
        return memory;
    }

    /** Mapped segment files directly in /dev/shm (POSIX shared memory, {@code PostgreSQL.<handle>}). */
    List<Path> posixSegments() {
        return segmentFiles.stream().filter(ServerSharedMemory::isPosixSegment).toList();
    }

    /** Mapped segment files in the data directory's {@code pg_dynshmem/}. */
    List<Path> dataDirectorySegments() {
        return segmentFiles.stream().filter(p -> p.toString().contains("/pg_dynshmem/")).toList();
    }

    /** None of its segment files exists any more, and the kernel lists no segment under its System V id and key. */
    void assertNothingLeft() {
        assertThat(segmentFiles).as("segment files of %s", this).noneMatch(Files::exists);
        assertThat(sysvSegment()).as("%s in /proc/sysvipc/shm", this).isEmpty();
    }

    /** Everything it had is still there. */
    void assertAllThere() {
        assertThat(segmentFiles).as("segment files of %s", this).isNotEmpty().allMatch(Files::exists);
        assertThat(sysvSegment()).as("%s in /proc/sysvipc/shm", this).isPresent();
    }

    private static boolean isPosixSegment(Path path) {
        return RAM_DISK.equals(path.getParent()) && path.getFileName().toString().startsWith("PostgreSQL.");
    }

    /** The kernel's row for this id with this key, if it has one. */
    private Optional<SegmentRow> sysvSegment() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/sysvipc/shm"), StandardCharsets.US_ASCII);
            List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
            return lines.stream().skip(1).map(line -> line.trim().split("\\s+"))
                    .map(f -> new SegmentRow(Long.parseLong(f[header.indexOf("key")]),
                            Long.parseLong(f[header.indexOf("shmid")]), Long.parseLong(f[header.indexOf("cpid")])))
                    .filter(row -> row.id == sysvId && (int) row.key == (int) sysvKey)
                    .findFirst();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/sysvipc/shm", e);
        }
    }

    @Override
    public String toString() {
        return "shared memory of postmaster " + postmaster + " (System V id " + sysvId + ", key " + sysvKey + ", files "
                + segmentFiles + ")";
    }

    private record SegmentRow(long key, long id, long cpid) {
    }
}

package dev.migratest.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The processes one browser session started: its chromedriver (a child of this JVM), everything below it (Chromium
 * and its helpers), and Chromium's crash handlers, which detach (their parent becomes pid 1) and are recognised by
 * the session's own directory on their command line. Only these are ever waited for or killed, by pid.
 */
final class BrowserProcesses {

    private static final long POLL_MILLIS = 20;

    private final ProcessHandle chromedriver;
    /** The session's directory with a trailing separator: "…-123/" must not match a session "…-1234". */
    private final String workDirPrefix;

    private BrowserProcesses(ProcessHandle chromedriver, Path workDir) {
        this.chromedriver = chromedriver;
        this.workDirPrefix = workDir + File.separator;
    }

    /** The pids of this JVM's children now; what {@link #find} compares against. */
    static Set<Long> childrenOfThisJvm() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /**
     * The chromedriver that appeared among this JVM's children since {@code childrenBefore}: the given executable,
     * listening on the given port (so that two sessions started at once by other threads are told apart).
     * {@code workDir} is the session's own directory (profile, HOME), named on its crash handlers' command lines.
     */
    static BrowserProcesses find(Set<Long> childrenBefore, Path executable, int port, Path workDir) {
        Path real = realPath(executable);
        String portArgument = "--port=" + port;
        List<ProcessHandle> candidates = ProcessHandle.current().children()
                .filter(p -> !childrenBefore.contains(p.pid()))
                .toList();
        return candidates.stream()
                .filter(p -> p.info().command().map(c -> realPath(Path.of(c)).equals(real)).orElse(false))
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(portArgument)).orElse(false))
                .findFirst()
                .map(chromedriver -> new BrowserProcesses(chromedriver, workDir))
                .orElseThrow(() -> new IllegalStateException("no child process " + real + " " + portArgument
                        + " although its session started; new children of this JVM: "
                        + candidates.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList()));
    }

    /** Chromedriver, everything below it and the detached crash handlers, as they are now. */
    List<ProcessHandle> now() {
        Stream<ProcessHandle> detached = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(workDirPrefix)).orElse(false));
        return Stream.concat(Stream.concat(Stream.of(chromedriver), chromedriver.descendants()), detached)
                .distinct().toList();
    }

    Set<Long> pids() {
        return now().stream().map(ProcessHandle::pid).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Waits until each of {@code processes} has ended; kills (SIGKILL, by pid) those still running after
     * {@code grace}. Returns the pids it had to kill.
     */
    static Set<Long> awaitExit(List<ProcessHandle> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> running = stillRunning(processes);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break; // asked to stop waiting: kill what is left now
            }
            running = stillRunning(running);
        }
        Set<Long> killed = new TreeSet<>();
        for (ProcessHandle process : running) {
            process.destroyForcibly();
            killed.add(process.pid());
        }
        return killed;
    }

    private static List<ProcessHandle> stillRunning(List<ProcessHandle> processes) {
        return processes.stream().filter(p -> p.isAlive() && !isZombie(p.pid())).toList();
    }

    /**
     * A zombie has exited; only its parent's wait() is missing. When Chromium exits, its helpers are reparented to
     * pid 1, and an init that reaps late (~1.5 s in the CI sandbox) must not hold up close(). Linux only: where
     * /proc cannot be read the process counts as running, which only costs waiting.
     */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ...": the name may hold spaces and parentheses, the state follows the last ')'.
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}

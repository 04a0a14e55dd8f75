package dev.migratest.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The name of the machine (or container) this JVM runs on, as written into a {@link ScratchMark}: the kernel's host
 * name where Linux exposes it (no DNS lookup that may hang), else Java's; only letters, digits, {@code . _ -}.
 */
final class ThisHost {
    /** What a JVM that cannot learn its host name writes; never taken for this host. */
    static final String UNKNOWN = "unknown-host";
    private static final String NAME = read();

    private ThisHost() {
    }

    static String name() {
        return NAME;
    }

    private static String read() {
        String name = null;
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) name = Files.readString(kernel).strip();
        } catch (IOException | RuntimeException ignored) {
            // fall back to Java's view below
        }
        if (name == null || name.isEmpty()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = UNKNOWN;
            }
        }
        String clean = name.replaceAll("[^A-Za-z0-9._-]", "");
        return clean.isEmpty() ? UNKNOWN : clean;
    }
}

package dev.migratest.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded server's own output — initdb's lines, then everything the postmaster logs — in a file beside its data
 * directory ({@code migratest-pg-….log}). zonky would otherwise log every line through SLF4J at INFO, dozens per start,
 * onto the console of any project that has an SLF4J provider. Kept while the server runs (and when it is kept for
 * inspection); the last lines are quoted when the server does not start.
 */
record ServerLog(Path file) {
    static final String SUFFIX = ".log";
    private static final int QUOTED_LINES = 20;

    static ServerLog beside(Path dataDir) {
        return new ServerLog(dataDir.resolveSibling(dataDir.getFileName() + SUFFIX));
    }

    ProcessBuilder.Redirect redirect() {
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }

    /** The end of the log for an error message, starting on a new line; empty when there is nothing to quote. */
    String lastLines() {
        try {
            if (!Files.isRegularFile(file)) return "";
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) return "";
            List<String> last = lines.subList(Math.max(0, lines.size() - QUOTED_LINES), lines.size());
            return "\nlast lines of its log (" + file + "):\n  " + String.join("\n  ", last);
        } catch (IOException | RuntimeException e) {
            return "\n(its log " + file + " could not be read: " + e + ")";
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}

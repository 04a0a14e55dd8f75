package dev.migratest.postgres;

import java.util.List;

/** No provider could give a Postgres; the message lists every attempt and why it failed. */
public final class NoPostgresAvailableException extends RuntimeException {
    private final List<String> attempts;

    public NoPostgresAvailableException(List<String> attempts, Throwable lastCause) {
        super("No PostgreSQL server could be provided. Tried, in order:\n  - " + String.join("\n  - ", attempts)
                + (onlyExternalFailed(attempts) || onlyVersionRefused(attempts) ? "" // their messages say what to fix
                : "\nFix: point migratest at a server with -Dmigratest.postgres.url=jdbc:postgresql://host:port/db"
                + " (or MIGRATEST_POSTGRES_URL), or make the embedded provider's binaries downloadable from Maven Central."),
                lastCause);
        this.attempts = List.copyOf(attempts);
    }

    private static boolean onlyExternalFailed(List<String> attempts) {
        return attempts.size() == 1 && attempts.get(0).startsWith("external: failed");
    }

    /** Every provider refused the requested version: a server URL would not help, asking for a served one does. */
    private static boolean onlyVersionRefused(List<String> attempts) {
        String refusal = "does not serve PostgreSQL";
        return attempts.stream().filter(a -> !a.contains(": skipped")).allMatch(a -> a.contains(refusal))
                && attempts.stream().anyMatch(a -> a.contains(refusal));
    }

    public List<String> attempts() {
        return attempts;
    }
}

package dev.migratest.junit;

import java.nio.charset.Charset;

/** What migratest tells the person running the tests: one prefix, standard output (build tools show it). */
final class Console {

    private Console() {
    }

    static void print(String line) {
        System.out.println("[migratest] " + line);
    }

    /**
     * The encoding standard output writes: Java 17 takes it from {@code sun.stdout.encoding} on a terminal, else from
     * the platform encoding, which is ASCII under a C locale (many CI images) — where ✓ would print as {@code ?}.
     */
    static Charset charset() {
        // stdout.encoding is Java 18+'s name for it (file.encoding is UTF-8 there whatever the terminal)
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding",
                System.getProperty("file.encoding", "UTF-8")));
        try {
            return Charset.forName(name);
        } catch (RuntimeException unknown) {
            return Charset.defaultCharset();
        }
    }
}

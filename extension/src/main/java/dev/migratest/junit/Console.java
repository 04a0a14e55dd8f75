package dev.migratest.junit;

/** What migratest tells the person running the tests: one prefix, standard output (build tools show it). */
final class Console {

    private Console() {
    }

    static void print(String line) {
        System.out.println("[migratest] " + line);
    }
}

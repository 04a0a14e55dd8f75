package dev.migratest.datagen;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Datagen cannot go on. Carries every problem found, not only the first; the message lists them one a line.
 */
public class DatagenException extends RuntimeException {

    /**
     * One problem.
     *
     * @param table  the table concerned (as given by the user when no such table exists)
     * @param column the column concerned, or null when the problem is the table's
     * @param found  what was found
     * @param fix    what to do about it
     */
    public record Problem(String table, String column, String found, String fix) {
        /** {@code table.column: found. Fix: fix} (without the column when there is none). */
        public String message() {
            return (column == null ? table : table + "." + column) + ": " + found + ". Fix: " + fix;
        }
    }

    private final List<Problem> problems;

    public DatagenException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        return problems.size() + " problems:" + problems.stream().map(p -> "\n  - " + p.message()).collect(Collectors.joining());
    }
}

package dev.migratest.migration;

/**
 * One thing wrong with the migrations as written: what was found where, what is allowed, and how to fix it.
 *
 * @param file     path of the offending file relative to the migrations location (forward slashes)
 * @param line     1-based line, or {@code null} when the problem is the file (its name, its absence)
 * @param found    what was found, quoted as it stands
 * @param expected what is allowed there
 * @param fix      what to do about it
 */
public record DefinitionProblem(String file, Integer line, String found, String expected, String fix) {

    /** One line, e.g. {@code V3__x.sql:12: found … ; expected … ; fix: …}. */
    public String describe() {
        String where = line == null ? file : file + ":" + line;
        return where + ": found " + found + "; expected " + expected + "; fix: " + fix;
    }

    /**
     * Every problem of one source at once: {@code 2 problems in <what> at <location>:} and one {@link #describe()} line
     * each. The one message shape for all such errors, so a user reads every kind the same way.
     */
    public static String summary(String what, String location, java.util.List<DefinitionProblem> problems) {
        StringBuilder message = new StringBuilder()
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" in ").append(what).append(" at ").append(location).append(':');
        for (DefinitionProblem problem : problems) {
            message.append("\n  ").append(problem.describe());
        }
        return message.toString();
    }
}

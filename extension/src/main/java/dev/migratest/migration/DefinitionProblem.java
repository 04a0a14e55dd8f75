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
}

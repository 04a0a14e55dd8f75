package dev.migratest.migration;

import java.util.ArrayList;
import java.util.List;

/** What a layout found while reading a folder: up and down parts, problems, and files that are not migrations. */
final class Collected {

    private final List<Part> ups = new ArrayList<>();
    private final List<Part> downs = new ArrayList<>();
    private final List<DefinitionProblem> problems = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<Part> repeatables = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void up(Part part) {
        ups.add(part);
    }

    void down(Part part) {
        downs.add(part);
    }

    void part(boolean up, Part part) {
        (up ? ups : downs).add(part);
    }

    /** A Flyway repeatable migration: it has no version and no down, and runs after every versioned one. */
    void repeatable(Part part) {
        repeatables.add(part);
    }

    /** Something the person running the tests must read: the history loads, but not everything in it is rehearsed. */
    void warn(String warning) {
        warnings.add(warning);
    }

    void problem(DefinitionProblem problem) {
        problems.add(problem);
    }

    void problem(String file, Integer line, String found, String expected, String fix) {
        problems.add(new DefinitionProblem(file, line, found, expected, fix));
    }

    void problems(List<DefinitionProblem> more) {
        problems.addAll(more);
    }

    /** Records a file that is not a migration, e.g. {@code skip("README.md", "documentation")}. */
    void skip(String file, String why) {
        skipped.add(file + " (not a migration: " + why + ")");
    }

    /** Records a file that is not a migration, with the reason its name suggests. */
    void skip(String file) {
        skip(file, NotMigration.why(file));
    }

    List<Part> ups() {
        return ups;
    }

    List<Part> downs() {
        return downs;
    }

    List<DefinitionProblem> problems() {
        return problems;
    }

    List<String> skipped() {
        return skipped;
    }

    List<Part> repeatables() {
        return repeatables;
    }

    List<String> warnings() {
        return warnings;
    }
}

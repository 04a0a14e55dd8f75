package dev.migratest.report;

import java.util.List;

/**
 * One test class's rehearsal on one server, as one part of a run's report.
 *
 * @param testClass  the test class, fully qualified; with {@code @<label>} when the class rehearses on several servers
 * @param header     where it ran
 * @param jsonReport the file name of the class's JSON report, relative to the report directory
 * @param migrations the rehearsed migrations, in order
 */
public record ClassReport(String testClass, ReportHeader header, String jsonReport, List<ReportedMigration> migrations) {
    public ClassReport {
        migrations = List.copyOf(migrations);
    }

    /** The class's simple name (and server label): what a reader recognises in a long table. */
    public String shortName() {
        int at = testClass.indexOf('@');
        String name = at < 0 ? testClass : testClass.substring(0, at);
        return name.substring(name.lastIndexOf('.') + 1) + (at < 0 ? "" : testClass.substring(at));
    }
}

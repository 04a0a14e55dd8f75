package dev.migratest.runner;

import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;
import dev.migratest.migration.Statement;
import dev.migratest.migration.Tool;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Flyway's {@code flyway_schema_history} (flyway 13.0, flyway-database-postgresql PostgreSQLDatabase.getRawCreateScript,
 * Database.getInsertStatement): a row appended for each script run, in its transaction when it has one. An undo
 * appends a row of type {@code UNDO_SQL} rather than deleting the versioned one (Flyway's history is append-only;
 * undo is in Flyway's closed editions, so this follows its documented "Undone" state). The checksum is a CRC32 of the
 * statements migratest runs (Flyway's is of the file's lines).
 */
final class FlywayHistory extends ToolHistory {

    FlywayHistory() {
        super(Tool.FLYWAY);
    }

    @Override
    List<String> createStatements(String table) {
        String name = Tool.FLYWAY.table();
        return List.of("CREATE TABLE " + table + " (\n"
                        + "    \"installed_rank\" INT NOT NULL,\n"
                        + "    \"version\" VARCHAR(50),\n"
                        + "    \"description\" VARCHAR(200) NOT NULL,\n"
                        + "    \"type\" VARCHAR(20) NOT NULL,\n"
                        + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                        + "    \"checksum\" INTEGER,\n"
                        + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                        + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n"
                        + "    \"execution_time\" INTEGER NOT NULL,\n"
                        + "    \"success\" BOOLEAN NOT NULL\n"
                        + ")",
                "ALTER TABLE " + table + " ADD CONSTRAINT \"" + name + "_pk\" PRIMARY KEY (\"installed_rank\")",
                "CREATE INDEX \"" + name + "_s_idx\" ON " + table + " (\"success\")");
    }

    @Override
    Entry entry(Phase phase, Migration migration) {
        Script script = phase == Phase.DOWN ? migration.down() : migration.up();
        String type = phase == Phase.DOWN ? "UNDO_SQL" : "SQL";
        return new Entry() {
            @Override
            public List<ToolStatement> with(double elapsedMs) {
                return List.of(ToolStatement.of("INSERT INTO " + table() + " (\"installed_rank\", \"version\","
                                + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                                + " \"execution_time\", \"success\") SELECT coalesce(max(\"installed_rank\"), 0) + 1,"
                                + " ?, ?, ?, ?, ?, current_user, ?, true FROM " + table(),
                        migration.version().replace('_', '.'), migration.name().replace('_', ' '), type,
                        script.file(), checksum(script), (int) Math.round(elapsedMs)));
            }
        };
    }

    private static int checksum(Script script) {
        CRC32 crc = new CRC32();
        for (Statement statement : script.statements()) {
            crc.update(statement.sql().getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}

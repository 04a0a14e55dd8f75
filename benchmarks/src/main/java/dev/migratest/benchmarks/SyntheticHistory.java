package dev.migratest.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a long, realistic, reversible migration history in golang-migrate's layout: tables, columns, indexes,
 * NOT VALID constraints and their validation, foreign keys, views, functions, triggers, enums, sequences and
 * comments, in the proportions a real project accumulates them. Deterministic: the same count gives the same files.
 */
public final class SyntheticHistory {
    private final List<Integer> tables = new ArrayList<>();
    private int version;

    private SyntheticHistory() {
    }

    /** Writes {@code count} migrations into {@code dir} and returns it. */
    public static Path write(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        SyntheticHistory history = new SyntheticHistory();
        for (int i = 0; i < count; i++) {
            history.next(dir);
        }
        return dir;
    }

    private void next(Path dir) throws IOException {
        version++;
        int v = version;
        if (tables.isEmpty() || v % 6 == 1) {
            tables.add(v);
            write(dir, "create_t" + v,
                    "CREATE TABLE t" + v + " (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                            + "    name text NOT NULL,\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n",
                    "DROP TABLE t" + v + ";\n");
            return;
        }
        int t = tables.get(v % tables.size());
        String table = "t" + t;
        switch (v % 6) {
            case 2:
                write(dir, "add_" + table + "_c" + v,
                        "ALTER TABLE " + table + " ADD COLUMN c" + v + " varchar(64);\n"
                                + "COMMENT ON COLUMN " + table + ".c" + v + " IS 'added by " + v + "';\n",
                        "ALTER TABLE " + table + " DROP COLUMN c" + v + ";\n");
                break;
            case 3:
                write(dir, "index_" + table + "_" + v,
                        "CREATE INDEX " + table + "_name_" + v + "_idx ON " + table + " (name, created_at);\n",
                        "DROP INDEX " + table + "_name_" + v + "_idx;\n");
                break;
            case 4:
                write(dir, "check_" + table + "_" + v,
                        "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_name_" + v
                                + "_check CHECK (length(name) < 1000) NOT VALID;\n"
                                + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + table + "_name_" + v + "_check;\n",
                        "ALTER TABLE " + table + " DROP CONSTRAINT " + table + "_name_" + v + "_check;\n");
                break;
            case 5:
                writeRoutineOrView(dir, v, table);
                break;
            default:
                writeTypeOrReference(dir, v, table);
                break;
        }
    }

    private void writeRoutineOrView(Path dir, int v, String table) throws IOException {
        if (v % 12 == 5) {
            write(dir, "view_" + table + "_" + v,
                    "CREATE VIEW v" + v + " AS\n    SELECT id, name FROM " + table + " WHERE created_at > now() - interval '1 day';\n",
                    "DROP VIEW v" + v + ";\n");
        } else {
            write(dir, "trigger_" + table + "_" + v,
                    "CREATE FUNCTION f" + v + "() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
                            + "    NEW.name := btrim(NEW.name);\n    RETURN NEW;\nEND;\n$$;\n\n"
                            + "CREATE TRIGGER tr" + v + " BEFORE INSERT ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION f" + v + "();\n",
                    "DROP TRIGGER tr" + v + " ON " + table + ";\nDROP FUNCTION f" + v + "();\n");
        }
    }

    private void writeTypeOrReference(Path dir, int v, String table) throws IOException {
        if (v % 12 == 0 && tables.size() > 1) {
            String parent = "t" + tables.get(0);
            write(dir, "fk_" + table + "_" + v,
                    "ALTER TABLE " + table + " ADD COLUMN ref" + v + " bigint;\n"
                            + "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_ref" + v + "_fkey FOREIGN KEY (ref" + v
                            + ") REFERENCES " + parent + " (id) NOT VALID;\n",
                    "ALTER TABLE " + table + " DROP COLUMN ref" + v + ";\n");
        } else {
            write(dir, "enum_and_sequence_" + v,
                    "CREATE TYPE e" + v + " AS ENUM ('new', 'active', 'closed');\n"
                            + "CREATE SEQUENCE s" + v + " START 100 INCREMENT 10;\n",
                    "DROP SEQUENCE s" + v + ";\nDROP TYPE e" + v + ";\n");
        }
    }

    private void write(Path dir, String name, String up, String down) throws IOException {
        String base = String.format("%04d_%s", version, name);
        Files.writeString(dir.resolve(base + ".up.sql"), up, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(base + ".down.sql"), down, StandardCharsets.UTF_8);
    }
}

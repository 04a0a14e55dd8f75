package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -- migratest:allow} comments stand outside every statement, so the script carries them itself. */
class AllowDirectivesTest {

    @TempDir
    Path dir;

    @Test
    void readsIdsAndReasonFromACommentAboveTheStatements() {
        Migration migration = Folder.at(dir)
                .file("V1__index.sql",
                        "-- migratest:allow index-without-concurrently, lock-timeout-missing — table has 40 rows",
                        "CREATE INDEX users_email ON users (email);")
                .file("U1__index.sql", "DROP INDEX users_email;")
                .load(Layout.FLYWAY).migrations().get(0);

        assertThat(migration.up().allowDirectives()).containsExactly(new AllowDirective("V1__index.sql", 1,
                List.of("index-without-concurrently", "lock-timeout-missing"), "table has 40 rows",
                "-- migratest:allow index-without-concurrently, lock-timeout-missing — table has 40 rows"));
        assertThat(migration.up().allowedRules())
                .containsExactly("index-without-concurrently", "lock-timeout-missing");
        assertThat(migration.down().allowDirectives()).isEmpty();
    }

    @Test
    void readsTrailingCommentsAndIgnoresTheWordsInsideStringsAndBodies() {
        Script up = Folder.at(dir)
                .file("V1__mixed.sql",
                        "CREATE INDEX a ON t (x); -- migratest:allow index-without-concurrently",
                        "INSERT INTO notes VALUES ('-- migratest:allow table-rewrite');",
                        "CREATE FUNCTION f() RETURNS int AS $$",
                        "  -- migratest:allow volatile-default",
                        "  SELECT 1 $$ LANGUAGE sql;")
                .file("U1__mixed.sql", "SELECT 1;")
                .load(Layout.FLYWAY).migrations().get(0).up();

        assertThat(up.allowDirectives()).extracting(AllowDirective::line, AllowDirective::ruleIds,
                AllowDirective::reason).containsExactly(
                        org.assertj.core.api.Assertions.tuple(1, List.of("index-without-concurrently"), null));
    }

    @Test
    void aCommentAboveTheFirstMarkerSpeaksForBothHalvesOfASingleFileMigration() {
        Migration migration = Folder.at(dir)
                .file("00001_orders.sql",
                        "-- migratest:allow breaking-drop-or-rename - the column was never read",
                        "-- +goose Up",
                        "ALTER TABLE orders DROP COLUMN legacy;",
                        "-- +goose Down",
                        "-- migratest:allow table-rewrite",
                        "ALTER TABLE orders ADD COLUMN legacy text;")
                .load(Layout.GOOSE).migrations().get(0);

        assertThat(migration.up().allowedRules()).containsExactly("breaking-drop-or-rename");
        assertThat(migration.up().allowDirectives().get(0).reason()).isEqualTo("the column was never read");
        assertThat(migration.down().allowDirectives()).extracting(AllowDirective::line).containsExactly(1, 5);
        assertThat(migration.down().allowedRules()).containsExactly("breaking-drop-or-rename", "table-rewrite");
    }

    @Test
    void aDirectiveInsideABlockCommentIsCommentedOut() {
        Script up = Folder.at(dir)
                .file("V1__commented.sql",
                        "/*",
                        "-- migratest:allow table-rewrite — not any more",
                        "*/",
                        "ALTER TABLE t ALTER COLUMN x TYPE bigint;")
                .file("U1__commented.sql", "SELECT 1;")
                .load(Layout.FLYWAY).migrations().get(0).up();

        assertThat(up.allowDirectives()).isEmpty();
    }

    @Test
    void aCommentAfterAStringThatReadsLikeADirectiveStillCounts() {
        Script up = Folder.at(dir)
                .file("V1__after_string.sql",
                        "INSERT INTO notes VALUES ('-- migratest:allow data-loss'); -- migratest:allow table-rewrite")
                .file("U1__after_string.sql", "SELECT 1;")
                .load(Layout.FLYWAY).migrations().get(0).up();

        assertThat(up.allowDirectives()).extracting(AllowDirective::line, AllowDirective::ruleIds)
                .containsExactly(org.assertj.core.api.Assertions.tuple(1, List.of("table-rewrite")));
    }
}

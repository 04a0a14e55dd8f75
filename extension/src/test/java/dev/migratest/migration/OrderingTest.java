package dev.migratest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderingTest {

    @TempDir
    Path dir;

    @Test
    void flywayComparesVersionPartsAsNumbers() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("V2__two.sql", "SELECT 2;")
                .file("V1.10__one_ten.sql", "SELECT 110;")
                .file("V1.9__one_nine.sql", "SELECT 19;")
                .file("V1_2_1__one_two_one.sql", "SELECT 121;")
                .file("V1__one.sql", "SELECT 1;")
                .loadForwardOnly(Layout.FLYWAY);

        assertThat(loaded.migrations()).extracting(Migration::version)
                .containsExactly("1", "1_2_1", "1.9", "1.10", "2");
    }

    @Test
    void golangMigrateOrdersUnpaddedNumbersNumerically() {
        Folder folder = Folder.at(dir);
        for (String version : new String[] {"10", "2", "1"}) {
            folder.file(version + "_m.up.sql", "SELECT " + version + ";")
                    .file(version + "_m.down.sql", "SELECT " + version + ";");
        }

        assertThat(folder.load(Layout.GOLANG_MIGRATE).migrations()).extracting(Migration::version)
                .containsExactly("1", "2", "10");
    }

    @Test
    void golangMigrateOrdersTimestampsNumerically() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("20240101120000_b.sql", "SELECT 2;")
                .file("9_a.sql", "SELECT 1;")
                .loadForwardOnly(Layout.GOLANG_MIGRATE);

        assertThat(loaded.migrations()).extracting(Migration::version).containsExactly("9", "20240101120000");
    }

    @Test
    void dieselOrdersByTheVersionWithDashesStrippedAcrossMixedFormats() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("2019-01-01-000000_c/up.sql", "SELECT 3;")
                .file("20180601120000_b/up.sql", "SELECT 2;")
                .file("2017-11-23-064153_a/up.sql", "SELECT 1;")
                .file("00000000000000_diesel_initial_setup/up.sql", "SELECT 0;")
                .file("2019-01-01-000001_d/up.sql", "SELECT 4;")
                .loadForwardOnly(Layout.DIESEL);

        assertThat(loaded.migrations()).extracting(Migration::version).containsExactly(
                "00000000000000", "20171123064153", "20180601120000", "20190101000000", "20190101000001");
    }

    @Test
    void dieselComparesAllDigitVersionsOfDifferentLengthsAsNumbersAndOthersAsText() {
        LoadedMigrations loaded = Folder.at(dir)
                .file("100_c/up.sql", "SELECT 3;")
                .file("20_b/up.sql", "SELECT 2;")
                .file("v2_e/up.sql", "SELECT 5;")
                .file("v1_d/up.sql", "SELECT 4;")
                .loadForwardOnly(Layout.DIESEL);

        assertThat(loaded.migrations()).extracting(Migration::version).containsExactly("20", "100", "v1", "v2");
    }
}

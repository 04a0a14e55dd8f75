package dev.migratest.benchmarks.growth;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionRowsTest {

    @Test
    void parsesCommandLineCounts() {
        ProductionRows rows = ProductionRows.parse("orders=5000000, users=800_000");

        assertThat(rows.asMap()).containsExactly(
                org.assertj.core.api.Assertions.entry("orders", 5_000_000L),
                org.assertj.core.api.Assertions.entry("users", 800_000L));
    }

    @Test
    void rejectsACountWithoutATable() {
        assertThatThrownBy(() -> ProductionRows.parse("5000000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected table=rows");
    }

    @Test
    void readsThePgClassExportSkippingHeaderAndUnanalyzedTables() throws Exception {
        ProductionRows rows = ProductionRows.readCsv(Path.of(getClass().getResource("/growth/production-rows.csv")
                .toURI()));

        assertThat(rows.asMap()).containsOnlyKeys("public.orders", "public.users", "audit.orders", "public.odd,name");
        assertThat(rows.asMap().get("public.users")).isEqualTo(800_000L);
    }

    @Test
    void readsScientificReltuplesWithoutTheCast() {
        assertThat(ProductionRows.parseCsv(List.of("public.orders,5e+06")).asMap())
                .containsEntry("public.orders", 5_000_000L);
    }

    @Test
    void defaultsToTheLargestTableAndSaysSo() {
        ProductionRows.Target target = ProductionRows.parse("users=800000,orders=5000000")
                .target(Optional.empty()).orElseThrow();

        assertThat(target.table()).isEqualTo("orders");
        assertThat(target.rows()).isEqualTo(5_000_000);
        assertThat(target.note()).contains("no --table given").contains("largest table, orders (5M rows)");
    }

    @Test
    void findsAnUnqualifiedNameIfUniqueAndAsksToQualifyOtherwise() {
        ProductionRows rows = ProductionRows.parseCsv(List.of("public.orders,5000000", "public.users,800000",
                "audit.orders,120000"));

        assertThat(rows.target(Optional.of("users")).orElseThrow().table()).isEqualTo("public.users");
        assertThat(rows.target(Optional.of("audit.orders")).orElseThrow().rows()).isEqualTo(120_000);
        assertThatThrownBy(() -> rows.target(Optional.of("orders"))).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> rows.target(Optional.of("nope"))).hasMessageContaining("no production row count");
    }

    @Test
    void typedCountsOverrideTheExport() {
        ProductionRows merged = ProductionRows.parseCsv(List.of("orders,5000000"))
                .with(ProductionRows.parse("orders=7000000"));

        assertThat(merged.asMap()).containsEntry("orders", 7_000_000L);
    }
}

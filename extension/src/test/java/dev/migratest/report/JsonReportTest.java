package dev.migratest.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict's fields in the JSON report, next to the rehearsal's outcome they extend. */
class JsonReportTest {
    private static final ReportHeader HEADER = new ReportHeader("17.6", "embedded", "classpath:db/migration");

    @Test
    void aRehearsalThatPassedButFailedOnFindingsSaysBoth() {
        JsonNode m = JsonReport.toJson(HEADER, List.of(Rehearsals.failedOnRewrite())).get("migrations").get(0);

        assertThat(m.get("outcome").asText()).isEqualTo("PASSED");
        assertThat(m.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(m.get("skippedBecause").isNull()).isTrue();
        JsonNode reason = m.get("failedBecause").get(0);
        assertThat(reason.get("kind").asText()).isEqualTo("FINDINGS");
        assertThat(reason.get("message").asText()).contains("table-rewrite", "fix: Add a new column");
        assertThat(reason.get("phase").isNull()).isTrue();
        JsonNode finding = reason.get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("table-rewrite");
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.get("phase").asText()).isEqualTo("UP");
        assertThat(finding.get("file").asText()).isEqualTo("V2__users_id_bigint.sql");
        assertThat(finding.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void aPhaseErrorNamesPhaseFileLineAndSqlState() {
        JsonNode m = JsonReport.toJson(HEADER, List.of(Rehearsals.failedWithHostileSql())).get("migrations").get(0);

        assertThat(m.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(m.get("verdict").asText()).isEqualTo("FAILED");
        JsonNode reason = m.get("failedBecause").get(0);
        assertThat(reason.get("kind").asText()).isEqualTo("PHASE_ERROR");
        assertThat(reason.get("phase").asText()).isEqualTo("DOWN");
        assertThat(reason.get("file").asText()).isEqualTo("U3__notes.sql");
        assertThat(reason.get("line").asInt()).isEqualTo(4);
        assertThat(reason.get("sqlState").asText()).isEqualTo("42601");
        assertThat(reason.get("test").isNull()).isTrue();
        assertThat(reason.get("differences")).isEmpty();
        assertThat(reason.get("findings")).isEmpty();
    }

    @Test
    void aPassedMigrationHasNoReasons() {
        JsonNode m = JsonReport.toJson(HEADER, List.of(Rehearsals.calm("1"))).get("migrations").get(0);

        assertThat(m.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(m.get("failedBecause")).isEmpty();
        assertThat(m.get("skippedBecause").isNull()).isTrue();
    }

    @Test
    void aNoOpMigrationIsMarkedAndListsNoStatements() {
        JsonNode noOp = JsonReport.toJson(HEADER, List.of(Rehearsals.passedNoOp())).get("migrations").get(0);
        JsonNode calm = JsonReport.toJson(HEADER, List.of(Rehearsals.calm("1"))).get("migrations").get(0);

        assertThat(noOp.get("noOp").asBoolean()).isTrue();
        assertThat(noOp.get("phases").get(0).get("statements")).isEmpty();
        assertThat(calm.get("noOp").asBoolean()).isFalse();
    }
}

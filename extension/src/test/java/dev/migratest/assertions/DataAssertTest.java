package dev.migratest.assertions;

import dev.migratest.locks.PhaseAftermath;
import dev.migratest.migration.Migration;
import dev.migratest.migration.Script;
import dev.migratest.runner.CycleResult;
import dev.migratest.runner.DataCheck;
import dev.migratest.runner.Outcome;
import dev.migratest.runner.Phase;
import dev.migratest.runner.PhaseResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** preservesData() and keepsPreviousVersionWorking() on hand-built results: what passes, what each message names. */
class DataAssertTest {

    @Test
    void dataThatCameBackPasses() {
        new CycleResultAssert(cycle(new DataCheck(List.of(), List.of(), null), PhaseAftermath.NONE)).preservesData()
                .keepsPreviousVersionWorking();
    }

    @Test
    void lostDataFailsNamingTableColumnAndCountsAndADeclarationIsShown() {
        DataCheck lost = new DataCheck(List.of("public.users.phone — 1 940 of 2 000 values are now NULL after DOWN"),
                List.of(), "contract step");

        assertThatThrownBy(() -> new CycleResultAssert(cycle(lost, PhaseAftermath.NONE)).preservesData())
                .hasMessageContaining("Expecting DOWN to give back the data UP received (it declares it cannot:"
                        + " contract step) for 4 drop_phone")
                .hasMessageContaining("public.users.phone — 1 940 of 2 000 values are now NULL after DOWN");
    }

    @Test
    void uncheckedDataIsNotProofOfAnything() {
        assertThatThrownBy(() -> new CycleResultAssert(cycle(null, PhaseAftermath.NONE)).preservesData())
                .hasMessageContaining("to be checked").hasMessageContaining("checkData = false");
    }

    @Test
    void aBrokenOldQueryFailsWithItsDescription() {
        String broken = "user_by_id (app-v1.sql:12): ERROR 42703: column \"phone\" does not exist";
        PhaseAftermath left = new PhaseAftermath(List.of(), List.of(), List.of(), List.of(), List.of(broken));

        assertThatThrownBy(() -> new CycleResultAssert(cycle(null, left)).keepsPreviousVersionWorking())
                .hasMessageContaining("the previous application version's queries to keep working")
                .hasMessageContaining(broken);
    }

    private static CycleResult cycle(DataCheck data, PhaseAftermath upLeft) {
        Script up = new Script("V4__drop_phone.sql", List.of(), null);
        Migration migration = new Migration("4", "drop_phone", up, new Script("U4__drop_phone.sql", List.of(), null));
        PhaseResult upPhase = new PhaseResult(Phase.UP, "V4__drop_phone.sql", null, List.of(), 1.0, null, null, upLeft);
        return new CycleResult(migration, Outcome.PASSED, null, null, null, List.of(upPhase), List.of(), List.of(),
                Map.of(), null, data);
    }
}

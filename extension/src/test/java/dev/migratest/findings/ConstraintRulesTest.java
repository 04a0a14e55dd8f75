package dev.migratest.findings;

import static dev.migratest.findings.Cycles.lock;
import static dev.migratest.findings.Cycles.migration;
import static dev.migratest.findings.Cycles.newTable;
import static dev.migratest.findings.Cycles.scanned;
import static dev.migratest.findings.Cycles.statement;
import static dev.migratest.findings.Cycles.table;
import static dev.migratest.findings.Cycles.trace;
import static dev.migratest.locks.LockMode.ACCESS_EXCLUSIVE;
import static dev.migratest.locks.LockMode.SHARE_ROW_EXCLUSIVE;
import static dev.migratest.locks.LockMode.SHARE_UPDATE_EXCLUSIVE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstraintRulesTest {

    private static final String ORDERS = "public.orders";
    private static final String CUSTOMERS = "public.customers";

    @Test
    void aForeignKeyValidatedOnAddIsReported() {
        var findings = migration().rows(ORDERS, 50_000)
                .up(statement(3, "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
                                + "REFERENCES customers (id)",
                        trace(lock(table(ORDERS), SHARE_ROW_EXCLUSIVE, 210), lock(table(CUSTOMERS),
                                SHARE_ROW_EXCLUSIVE, 210)).activity(scanned(ORDERS))))
                .findings("constraint-validated-on-add");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("V7 line 3: ADD CONSTRAINT orders_customer_fk FOREIGN KEY checked every "
                    + "existing row of public.orders (50 000 rows) under ShareRowExclusiveLock, held 210 ms; "
                    + "full scans of public.orders");
            assertThat(f.advice()).contains("NOT VALID", "VALIDATE CONSTRAINT");
        });
    }

    @Test
    void aConstraintAddedNotValidOrOnANewTableIsSilent() {
        assertThat(migration()
                .up(statement(3, "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 1))))
                .findings("constraint-validated-on-add")).isEmpty();
        assertThat(migration()
                .up(statement(3, "ALTER TABLE invoices ADD CONSTRAINT positive CHECK (total > 0)",
                        trace(lock(newTable("public.invoices"), ACCESS_EXCLUSIVE, 1))))
                .findings("constraint-validated-on-add")).isEmpty();
    }

    @Test
    void setNotNullThatScannedIsReportedWithTheCheckConstraintRecipe() {
        var findings = migration().rows(ORDERS, 50_000)
                .up(statement(5, "ALTER TABLE orders ALTER COLUMN email SET NOT NULL",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 95)).activity(scanned(ORDERS))))
                .findings("set-not-null-scans");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("V7 line 5: ALTER COLUMN email SET NOT NULL scanned public.orders "
                    + "(50 000 rows) for NULLs under AccessExclusiveLock, held 95 ms");
            assertThat(f.advice()).startsWith("Add CHECK (email IS NOT NULL) NOT VALID");
        });
    }

    @Test
    void setNotNullProvenByAValidatedCheckDoesNotScanAndIsSilent() {
        assertThat(migration()
                .up(statement(4, "ALTER TABLE orders VALIDATE CONSTRAINT email_not_null",
                                trace(lock(table(ORDERS), SHARE_UPDATE_EXCLUSIVE, 90)).activity(scanned(ORDERS))),
                        statement(5, "ALTER TABLE orders ALTER COLUMN email SET NOT NULL",
                                trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 1))))
                .findings("set-not-null-scans")).isEmpty();
    }

    @Test
    void aNotNullColumnWithoutDefaultOnAnExistingTableIsReportedFromTheText() {
        var findings = migration().rows(ORDERS, 0)
                .up(statement(2, "ALTER TABLE orders ADD COLUMN status text NOT NULL",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 1))))
                .findings("not-null-column-without-default");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "V7 line 2: ADD COLUMN status NOT NULL without DEFAULT succeeded only because public.orders was empty "
                        + "at rehearsal; on a table with rows it fails (column \"status\" contains null values)"));
    }

    @Test
    void aNotNullColumnWithADefaultOrIdentityOrOnANewTableIsSilent() {
        assertThat(migration()
                .up(statement(2, "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new', "
                                + "ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL, ADD COLUMN n bigserial NOT NULL",
                        trace(lock(table(ORDERS), ACCESS_EXCLUSIVE, 1))))
                .findings("not-null-column-without-default")).isEmpty();
        assertThat(migration()
                .up(statement(1, "CREATE TABLE invoices (id int)",
                                trace(lock(newTable("public.invoices"), ACCESS_EXCLUSIVE, 1))),
                        statement(2, "ALTER TABLE invoices ADD COLUMN status text NOT NULL", trace()))
                .findings("not-null-column-without-default")).isEmpty();
    }
}

package dev.migratest.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableReferenceTest {

    @Test
    void unquotedPartsFoldToLowerCaseAndQuotedPartsAreTakenExactly() {
        assertThat(TableReference.parse("customers")).extracting(TableReference::schema, TableReference::name)
                .containsExactly(Optional.empty(), "customers");
        assertThat(TableReference.parse("Public.Customers")).extracting(TableReference::schema, TableReference::name)
                .containsExactly(Optional.of("public"), "customers");
        assertThat(TableReference.parse(" billing . \"AuditEvents\" ")).extracting(TableReference::schema, TableReference::name)
                .containsExactly(Optional.of("billing"), "AuditEvents");
        assertThat(TableReference.parse("\"odd.schema\".\"say \"\"hi\"\"\"")).extracting(TableReference::schema, TableReference::name)
                .containsExactly(Optional.of("odd.schema"), "say \"hi\"");
        assertThat(TableReference.parse("Ärger_1$").name()).as("only ASCII letters fold, as in a UTF-8 database")
                .isEqualTo("Ärger_1$");
    }

    @Test
    void theNameOfATableReadsBackAsThatTable() {
        for (TableName table : List.of(new TableName("public", "orders"), new TableName("Billing", "Audit.Events"),
                new TableName("public", "say \"hi\""))) {
            TableReference written = TableReference.of(table);
            assertThat(TableReference.parse(written.written())).extracting(TableReference::schema, TableReference::name)
                    .containsExactly(Optional.of(table.schema()), table.name());
        }
    }

    @Test
    void unreadableNamesSayWhatIsWrongAndWhatIsExpected() {
        String expected = "; expected table or schema.table, a part double-quoted when it has capitals, spaces or dots,"
                + " e.g. orders, billing.invoices, \"AuditEvents\"";
        assertThatThrownBy(() -> TableReference.parse("\"Audit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table name '\"Audit' cannot be read: a double quote is not closed" + expected);
        assertThatThrownBy(() -> TableReference.parse("a.b.c"))
                .hasMessage("table name 'a.b.c' cannot be read: it has 3 dot-separated parts" + expected);
        assertThatThrownBy(() -> TableReference.parse("public."))
                .hasMessage("table name 'public.' cannot be read: a part is empty" + expected);
        assertThatThrownBy(() -> TableReference.parse(" "))
                .hasMessage("table name ' ' cannot be read: it is empty" + expected);
        assertThatThrownBy(() -> TableReference.parse("order lines"))
                .hasMessage("table name 'order lines' cannot be read: unexpected 'l' after order"
                        + " (a name with spaces or other characters is double-quoted)" + expected);
        assertThatThrownBy(() -> TableReference.parse("1orders")).hasMessage("table name '1orders' cannot be read:"
                + " '1orders' is not a plain identifier (letters, digits, _ and $, not starting with a digit);"
                + " double-quote it to use it as it is" + expected);
        assertThatThrownBy(() -> TableReference.parse("\"\".orders"))
                .hasMessage("table name '\"\".orders' cannot be read: \"\" is an empty name" + expected);
    }

    @Test
    void resolvesAQualifiedNameExactlyAndABareOneThroughTheSearchPath() {
        SchemaModel model = new SchemaModel(List.of(table("public", "customers"), table("billing", "customers"),
                table("billing", "invoices")), List.of("billing", "public"));

        assertThat(TableReference.parse("customers").resolveIn(model)).contains(new TableName("billing", "customers"));
        assertThat(TableReference.parse("public.customers").resolveIn(model)).contains(new TableName("public", "customers"));
        assertThat(TableReference.parse("invoices").resolveIn(model)).contains(new TableName("billing", "invoices"));
        assertThat(TableReference.parse("invoices").resolveIn(new SchemaModel(model.tables()))).isEmpty();
        assertThat(TableReference.parse("public.invoices").resolveIn(model)).isEmpty();
        assertThat(TableReference.parse("public.invoices").notFoundIn(model).message()).isEqualTo(
                "public.invoices: no table invoices in schema public. Fix: qualify it with its schema: billing.invoices");
        assertThat(TableReference.parse("invoices").notFoundIn(new SchemaModel(model.tables(), List.of())).message())
                .isEqualTo("invoices: no table invoices in the search_path (no existing schema). Fix: qualify it with"
                        + " its schema: billing.invoices");
    }

    private static Table table(String schema, String name) {
        return Table.of(new TableName(schema, name), List.of(), List.of(), List.of());
    }
}

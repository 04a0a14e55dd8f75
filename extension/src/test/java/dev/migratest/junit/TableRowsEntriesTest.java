package dev.migratest.junit;

import dev.migratest.datagen.Volume;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableRowsEntriesTest {

    @Test
    void countsAndRatiosKeepTheNamesAsWrittenAndUnderscoresGroupDigitsOnly() {
        TableRowsEntries entries = TableRowsEntries.parse(List.of(" customers = 20_000", "public.orders=3/customers",
                "order_lines=2.5/order_headers", "\"AuditEvents\"=0"));

        assertThat(entries.counts()).containsExactly(Map.entry("customers", 20_000L), Map.entry("\"AuditEvents\"", 0L));
        assertThat(entries.ratios()).containsExactly(Map.entry("public.orders", new Volume.Ratio("customers", 3)),
                Map.entry("order_lines", new Volume.Ratio("order_headers", 2.5)));
    }

    @Test
    void thePropertySplitsAtCommasOutsideDoubleQuotes() {
        assertThat(TableRowsEntries.split("orders=5,\"a,b\"=3/users")).containsExactly("orders=5", "\"a,b\"=3/users");
    }

    @Test
    void everyBadEntryIsReportedAtOnceWithWhatIsExpected() {
        assertThatThrownBy(() -> TableRowsEntries.parse(List.of("orders=-1", "\"Audit=5", "customers=5", "users",
                "Customers=7/users", "invoices=2/billing.")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("5 tableRows entries are wrong:\n"
                        + "  - tableRows entry 'orders=-1' is neither table=rows nor table=perParent/parent with a count"
                        + " of 0 or more; expected e.g. orders=50000 or orders=3/users\n"
                        + "  - tableRows entry '\"Audit=5' is neither table=rows nor table=perParent/parent with a count"
                        + " of 0 or more; expected e.g. orders=50000 or orders=3/users\n"
                        + "  - tableRows entry 'users' is neither table=rows nor table=perParent/parent with a count"
                        + " of 0 or more; expected e.g. orders=50000 or orders=3/users\n"
                        + "  - tableRows entries 'customers=5' and 'Customers=7/users' both give Customers its rows;"
                        + " keep one of them\n"
                        + "  - tableRows entry 'invoices=2/billing.': table name 'billing.' cannot be read: a part is"
                        + " empty; expected table or schema.table, a part double-quoted when it has capitals, spaces or"
                        + " dots, e.g. orders, billing.invoices, \"AuditEvents\"");
    }

    @Test
    void aNameThatCannotBeReadSaysWhy() {
        assertThatThrownBy(() -> TableRowsEntries.parse(List.of("order lines=5")))
                .hasMessage("tableRows entry 'order lines=5': table name 'order lines' cannot be read: unexpected 'l'"
                        + " after order (a name with spaces or other characters is double-quoted); expected table or"
                        + " schema.table, a part double-quoted when it has capitals, spaces or dots, e.g. orders,"
                        + " billing.invoices, \"AuditEvents\"");
    }
}

package dev.migratest.junit;

import dev.migratest.MigrationTest;
import dev.migratest.migration.Layout;
import dev.migratest.migration.LoadOptions;
import dev.migratest.migration.NamingPattern;
import dev.migratest.postgres.PostgresRequest;
import dev.migratest.postgres.ProviderChoice;
import dev.migratest.runner.DataVolume;
import dev.migratest.schema.ColumnOrder;
import dev.migratest.schema.SchemaTracker;
import dev.migratest.schema.SnapshotMode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** A test class's configuration: the annotation's attributes, each overridden by its system property when set. */
record Settings(String location, Layout layout, ProviderChoice provider, List<PostgresRequest> postgres,
                boolean fast, String postgresUrl, String postgresUser,
                String postgresPassword, boolean allowNonEmptyDatabase, boolean allowForwardOnly, ColumnOrder columnOrder,
                boolean keepFailedDatabase, Path reportDir, SnapshotMode snapshotMode, DataVolume volume,
                java.time.Duration lockQueueBlockerHold, dev.migratest.findings.FindingPolicy findingPolicy,
                dev.migratest.findings.Severity failOn, boolean checkData, List<String> invariants,
                List<dev.migratest.compat.OldQuery> previousVersionQueries, Path growthResults,
                NamingPattern naming, Map<String, String> placeholders) {

    /**
     * The settings of a class: each attribute of the annotation, unless {@code props} has a value for its property.
     * The extension passes JUnit's configuration parameters, which are the launcher's parameters, then system
     * properties, then {@code junit-platform.properties}.
     */
    static Settings of(MigrationTest a, UnaryOperator<String> props) {
        refuseConflicts(a);
        String location = firstNonBlank(props.apply(MigrationTest.LOCATION_PROPERTY), a.location(),
                dev.migratest.migration.MigrationLoader.flywayLocations().orElse(MigrationTest.DEFAULT_LOCATION));
        return new Settings(
                location,
                enumValue(props, MigrationTest.LAYOUT_PROPERTY, a.layout(), Layout.class),
                enumValue(props, MigrationTest.PROVIDER_PROPERTY, a.provider(), ProviderChoice.class),
                requests(props, a.postgres()),
                bool(props, MigrationTest.FAST_PROPERTY, false),
                firstNonBlank(props.apply(MigrationTest.POSTGRES_URL_PROPERTY), a.postgresUrl(),
                        System.getenv(MigrationTest.POSTGRES_URL_ENV)),
                firstNonBlank(props.apply(MigrationTest.POSTGRES_USER_PROPERTY),
                        System.getenv(MigrationTest.POSTGRES_USER_ENV)),
                firstNonBlank(props.apply(MigrationTest.POSTGRES_PASSWORD_PROPERTY),
                        System.getenv(MigrationTest.POSTGRES_PASSWORD_ENV)),
                bool(props, MigrationTest.ALLOW_NON_EMPTY_DATABASE_PROPERTY, false),
                bool(props, MigrationTest.ALLOW_FORWARD_ONLY_PROPERTY, a.allowForwardOnly()),
                enumValue(props, MigrationTest.COLUMN_ORDER_PROPERTY, a.columnOrder(), ColumnOrder.class),
                bool(props, MigrationTest.KEEP_FAILED_DATABASE_PROPERTY, a.keepFailedDatabase()),
                Path.of(firstNonBlank(props.apply(MigrationTest.REPORT_DIR_PROPERTY),
                        DefaultReportDirectory.current())),
                enumValue(props, SchemaTracker.MODE_PROPERTY, SnapshotMode.INCREMENTAL, SnapshotMode.class),
                dataVolume(props, notNegative(MigrationTest.ROWS_PROPERTY, number(props, MigrationTest.ROWS_PROPERTY,
                                a.rows())), a.tableRows(),
                        number(props, MigrationTest.SEED_PROPERTY, a.seed()),
                        bool(props, MigrationTest.HOSTILE_EDGE_VALUES_PROPERTY, a.hostileEdgeValues())),
                bool(props, MigrationTest.LOCK_QUEUE_CHECK_PROPERTY, a.lockQueueCheck())
                        ? java.time.Duration.ofMillis(number(props, MigrationTest.LOCK_QUEUE_BLOCKER_HOLD_PROPERTY, 1000))
                        : null,
                findingPolicy(props, a.findings()),
                enumValue(props, MigrationTest.FAIL_ON_PROPERTY, a.failOn(), dev.migratest.findings.Severity.class),
                bool(props, MigrationTest.CHECK_DATA_PROPERTY, a.checkData()),
                InvariantQueries.of(invariantList(props, a.invariants()), firstNonBlank(
                        props.apply(MigrationTest.INVARIANTS_FILE_PROPERTY), a.invariantsFile())),
                previousVersionQueries(firstNonBlank(
                        props.apply(MigrationTest.PREVIOUS_VERSION_QUERIES_PROPERTY), a.previousVersionQueries())),
                growthResults(props),
                naming(props, a),
                placeholders(props, a.placeholders()));
    }

    /** How the loader reads the class's location. */
    LoadOptions loadOptions() {
        return new LoadOptions(layout, naming, placeholders, allowForwardOnly);
    }

    /**
     * The naming pattern, validated before anything runs: it must compile and hold the groups version, name and
     * direction; it is read by layout PATTERN (which AUTO becomes) only, and PATTERN needs one.
     */
    private static NamingPattern naming(UnaryOperator<String> props, MigrationTest a) {
        String property = props.apply(MigrationTest.NAMING_PROPERTY);
        boolean fromProperty = property != null && !property.isBlank();
        String text = fromProperty ? property.strip() : a.naming();
        Layout layout = enumValue(props, MigrationTest.LAYOUT_PROPERTY, a.layout(), Layout.class);
        if (text.isEmpty()) {
            if (layout == Layout.PATTERN) {
                throw new IllegalArgumentException("layout PATTERN needs a naming pattern, and none is set; expected"
                        + " @MigrationTest(naming = \"" + NamingPattern.EXAMPLE.replace("\\", "\\\\") + "\") or the"
                        + " property " + MigrationTest.NAMING_PROPERTY + "; fix: describe the file names with the named"
                        + " groups version, name and direction");
            }
            return null;
        }
        if (layout != Layout.AUTO && layout != Layout.PATTERN) {
            throw new IllegalArgumentException("a naming pattern is set together with layout " + layout + ", which"
                    + " ignores it; expected layout PATTERN or AUTO with a naming pattern, or no naming pattern with "
                    + layout + "; fix: remove the naming pattern, or set layout = PATTERN");
        }
        return NamingPattern.compile(text, fromProperty ? "Property " + MigrationTest.NAMING_PROPERTY
                : "@MigrationTest(naming)");
    }

    /** The property wins, entries are not merged; every entry is {@code name=value}, a bad one is named. */
    private static Map<String, String> placeholders(UnaryOperator<String> props, String[] annotated) {
        String property = props.apply(MigrationTest.PLACEHOLDERS_PROPERTY);
        boolean fromProperty = property != null && !property.isBlank();
        List<String> entries = fromProperty ? Arrays.asList(property.split(",")) : Arrays.asList(annotated);
        Map<String, String> values = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                throw new IllegalArgumentException((fromProperty ? "Property " + MigrationTest.PLACEHOLDERS_PROPERTY
                        : "@MigrationTest(placeholders)") + " has the entry '" + entry + "'; expected name=value,"
                        + " e.g. schema=app; fix: write each placeholder as its name, = and its value");
            }
            values.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        return values;
    }

    /**
     * Attributes of one annotation that contradict each other: the class says two things and one would be ignored
     * silently. (A URL from a property or the environment is not a conflict: it is global, and a class may insist on
     * its own provider.)
     */
    private static void refuseConflicts(MigrationTest a) {
        boolean urlGiven = !a.postgresUrl().isBlank();
        if (urlGiven && (a.provider() == ProviderChoice.EMBEDDED || a.provider() == ProviderChoice.CONTAINER)) {
            throw new IllegalArgumentException("@MigrationTest(provider = " + a.provider() + ", postgresUrl = ...)"
                    + " contradicts itself: the " + a.provider().name().toLowerCase(Locale.ROOT) + " provider never"
                    + " uses a URL, so the URL would be ignored; expected a URL with provider AUTO or EXTERNAL, or"
                    + " no URL; fix: remove postgresUrl, or set provider = EXTERNAL");
        }
    }

    private static Path growthResults(UnaryOperator<String> props) {
        String file = props.apply(MigrationTest.GROWTH_RESULTS_PROPERTY);
        if (file != null && !file.isBlank()) return Path.of(file.trim());
        return Path.of(firstNonBlank(props.apply(MigrationTest.REPORT_DIR_PROPERTY), DefaultReportDirectory.current()))
                .resolve("growth.json");
    }

    /** Identifies the server a class needs for one request, so classes that need the same one share it. */
    String serverKey(PostgresRequest request) {
        return provider + "|" + request.label() + "|" + fast + "|" + (postgresUrl == null ? "" : postgresUrl) + "|"
                + (postgresUser == null ? "" : postgresUser) + "|" + allowNonEmptyDatabase;
    }

    /** The property wins over the annotation, entry lists are not merged: one place says what the policy is. */
    private static dev.migratest.findings.FindingPolicy findingPolicy(UnaryOperator<String> props, String[] annotated) {
        String property = props.apply(MigrationTest.FINDINGS_PROPERTY);
        return property != null && !property.isBlank() ? dev.migratest.findings.FindingPolicy.parse(property)
                : dev.migratest.findings.FindingPolicy.of(annotated);
    }

    /** Bad files fail the class before anything runs, with every problem the loader found. */
    private static List<dev.migratest.compat.OldQuery> previousVersionQueries(String location) {
        if (location == null) return List.of();
        try {
            return dev.migratest.compat.OldQueries.load(location);
        } catch (dev.migratest.compat.OldQueriesException e) {
            throw new MigrationFailure(e.getMessage());
        }
    }

    private static List<String> invariantList(UnaryOperator<String> props, String[] annotated) {
        String property = props.apply(MigrationTest.INVARIANTS_PROPERTY);
        return property != null && !property.isBlank() ? Arrays.asList(property.split(";;")) : Arrays.asList(annotated);
    }

    /** The property wins; each entry becomes one request; none means the provider's default. */
    private static List<PostgresRequest> requests(UnaryOperator<String> props, String[] annotated) {
        String property = props.apply(MigrationTest.POSTGRES_VERSION_PROPERTY);
        List<String> texts = property != null && !property.isBlank()
                ? Arrays.asList(property.split(",")) : Arrays.asList(annotated);
        List<PostgresRequest> requests = texts.stream().map(PostgresRequest::parse)
                .filter(r -> !r.any()).distinct().collect(Collectors.toList());
        return requests.isEmpty() ? List.of(PostgresRequest.ANY) : List.copyOf(requests);
    }

    /** A row count below zero would silently mean "no rows": refused with the setting's name. */
    private static long notNegative(String property, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Property " + property + " (or @MigrationTest(rows)) is " + value
                    + "; expected 0 (tables stay empty) or a positive row count, e.g. 100000");
        }
        return value;
    }

    private static long number(UnaryOperator<String> props, String property, long annotated) {
        String value = props.apply(property);
        if (value == null || value.isBlank()) return annotated;
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Property " + property + "='" + value + "' is not a whole number;"
                    + " expected e.g. 100000", e);
        }
    }

    /** The property wins; entries are {@code table=rows} or {@code table=perParent/parent} ("orders=3/users"). */
    private static DataVolume dataVolume(UnaryOperator<String> props, long rows, String[] annotated, long seed,
                                         boolean hostileEdges) {
        String property = props.apply(MigrationTest.TABLE_ROWS_PROPERTY);
        TableRowsEntries entries = TableRowsEntries.parse(property != null && !property.isBlank()
                ? TableRowsEntries.split(property) : Arrays.asList(annotated));
        return new DataVolume(rows, entries.counts(), entries.ratios(), seed, hostileEdges);
    }

    private static boolean bool(UnaryOperator<String> props, String property, boolean annotated) {
        String value = props.apply(property);
        if (value == null || value.isBlank()) return annotated;
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) return Boolean.parseBoolean(value);
        throw new IllegalArgumentException("Property " + property + "='" + value + "' is not a boolean;"
                + " expected true or false");
    }

    private static <E extends Enum<E>> E enumValue(UnaryOperator<String> props, String property, E annotated,
                                                   Class<E> type) {
        String value = props.apply(property);
        if (value == null || value.isBlank()) return annotated;
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("Property " + property + "='" + value + "' is not one of: "
                    + allowed + "; set it to one of those or remove it", e);
        }
    }

    private static String firstNonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }
}

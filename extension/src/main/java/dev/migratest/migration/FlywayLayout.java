package dev.migratest.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway (modelled on Flyway 11.7): {@code V<version>__<description>.sql} up, {@code U<version>__<description>.sql}
 * undo, {@code R__<description>.sql} repeatable, in any sub-directory. {@code V3__x.sql.conf} with
 * {@code executeInTransaction=false} makes {@code V3__x.sql} non-transactional. Placeholders ({@code ${schema}}) are
 * replaced as Flyway replaces them ({@link FlywayConfig}). A Java migration ({@code V3__Backfill.class} or
 * {@code .java}) holds its place in the history as a migration migratest cannot run, with a warning; callbacks
 * ({@code beforeMigrate.sql}, …) are skipped.
 */
final class FlywayLayout implements LayoutReader {

    private static final Pattern VERSIONED = Pattern.compile("^([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql$");
    private static final Pattern REPEATABLE = Pattern.compile("^R__(.+)\\.sql$");
    private static final Pattern JAVA = Pattern.compile("^([VR])(\\d+(?:_\\d+)*)?__([^$]+)\\.(java|class|kt)$");
    private static final Pattern INNER_CLASS = Pattern.compile("^[VR][^$]*__[^$]*\\$.*\\.class$");
    private static final Pattern CALLBACK = Pattern.compile("^(before|after)[A-Z][A-Za-z]*(__.*)?\\.sql$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(?i)^executeInTransaction\\s*=\\s*false$");
    private static final String CONF = ".conf";
    /** The version repeatable migrations show in place of one: {@code R Create_views}. */
    static final String REPEATABLE_VERSION = "R";

    private final FlywayConfig config;

    /** For detection: placeholders unknown, replaced by nothing. */
    FlywayLayout() {
        this(null);
    }

    FlywayLayout(FlywayConfig config) {
        this.config = config;
    }

    @Override
    public Layout layout() {
        return Layout.FLYWAY;
    }

    @Override
    public String form() {
        return "V<version>__<description>.sql + optional U<version>__<description>.sql";
    }

    @Override
    public Optional<String> evidence(MigrationFolder folder) {
        return folder.files().stream()
                .filter(file -> VERSIONED.matcher(MigrationFolder.name(file)).matches()
                        || REPEATABLE.matcher(MigrationFolder.name(file)).matches())
                .findFirst();
    }

    @Override
    public void read(MigrationFolder folder, Collected out) {
        Set<String> files = new HashSet<>(folder.files());
        Map<String, List<String>> unreplaced = new LinkedHashMap<>();
        Map<String, String> javaSeen = new HashMap<>();
        for (String file : folder.files()) {
            String name = MigrationFolder.name(file);
            Matcher versioned = VERSIONED.matcher(name);
            Matcher repeatable = REPEATABLE.matcher(name);
            Matcher java = JAVA.matcher(name);
            if (versioned.matches()) {
                String version = versioned.group(2);
                out.part(versioned.group(1).equals("V"), new Part(VersionKey.dotted(version), version,
                        versioned.group(3), script(folder, file, files, out, unreplaced)));
            } else if (repeatable.matches()) {
                out.repeatable(new Part(VersionKey.of(REPEATABLE_VERSION), REPEATABLE_VERSION, repeatable.group(1),
                        script(folder, file, files, out, unreplaced), Migration.Kind.REPEATABLE));
            } else if (java.matches()) {
                javaMigration(file, java, javaSeen, out);
            } else if (INNER_CLASS.matcher(name).matches()) {
                out.skip(file, "a nested class of a Java migration");
            } else if (CALLBACK.matcher(name).matches()) {
                out.skip(file, "Flyway callback");
            } else if (NotMigration.isSql(name)) {
                NameGuess guess = NameGuess.of(name);
                out.problem(file, null, "a file name that is not a Flyway name", form(),
                        "rename it, e.g. to V" + guess.dotted() + "__" + guess.description() + ".sql");
            } else if (name.endsWith(".sql" + CONF) && (VERSIONED.matcher(withoutConf(name)).matches()
                    || REPEATABLE.matcher(withoutConf(name)).matches())) {
                if (!files.contains(withoutConf(file))) {
                    out.problem(file, null, "a configuration for " + withoutConf(name) + ", which does not exist",
                            "a .conf next to the script it configures", "rename it like its script, or delete it");
                }
            } else {
                out.skip(file);
            }
        }
        warnUnreplaced(unreplaced, out);
        if (config != null) config.notes().forEach(out::warn);
    }

    /** A SQL script: its {@code .conf}, its placeholders replaced as it is read, those without a value remembered. */
    private Script script(MigrationFolder folder, String file, Set<String> files, Collected out,
                          Map<String, List<String>> unreplaced) {
        String conf = file + CONF;
        String reason = files.contains(conf) ? ConfigFlag.find(folder, conf, NO_TRANSACTION, out) : null;
        if (config == null) return Scripts.read(folder, file, reason, out);
        PlaceholderReader[] reader = new PlaceholderReader[1];
        Script script = Scripts.read(folder, file, reason, out, text -> reader[0] = config.reader(text, file));
        if (reader[0] == null || reader[0].unreplaced().isEmpty()) return script;
        reader[0].unreplaced().forEach((placeholder, line) ->
                unreplaced.computeIfAbsent(placeholder, p -> new ArrayList<>()).add(file + ":" + line));
        return script.withUnreplaced(List.copyOf(reader[0].unreplaced().keySet()));
    }

    /**
     * A Java migration takes its version's place (a SQL migration of the same version is a duplicate, as in Flyway),
     * is not run, and is announced: the migrations after it are rehearsed without what it does. Its source and its
     * class are one migration.
     */
    private static void javaMigration(String file, Matcher java, Map<String, String> seen, Collected out) {
        String name = MigrationFolder.name(file);
        String base = name.substring(0, name.lastIndexOf('.'));
        String first = seen.putIfAbsent(base, file);
        if (first != null) {
            out.skip(file, "the same Java migration as " + first);
            return;
        }
        boolean repeatable = java.group(1).equals("R");
        String version = repeatable ? REPEATABLE_VERSION : java.group(2) == null ? "" : java.group(2);
        String description = java.group(3);
        Script none = Scripts.of(file, List.of(), null);
        Part part = new Part(repeatable ? VersionKey.of(REPEATABLE_VERSION) : VersionKey.dotted(version), version,
                description, none, Migration.Kind.JAVA);
        if (repeatable) {
            out.repeatable(part);
        } else if (version.isEmpty()) {
            out.problem(file, null, "a Java migration without a version", "V<version>__<description> as its class"
                    + " name", "name the class like V3__" + description);
            return;
        } else {
            out.up(part);
        }
        out.warn(file + " is a Flyway Java migration: migratest runs SQL only, so " + (repeatable
                ? "repeatable " + description : "version " + version) + " is not rehearsed and every migration after"
                + " it runs without what it does. The rehearsed history has a gap there (a skipped test at its place)");
    }

    private static void warnUnreplaced(Map<String, List<String>> unreplaced, Collected out) {
        unreplaced.forEach((placeholder, places) -> out.warn("Flyway placeholder " + placeholder + " has no value ("
                + String.join(", ", places) + "): Flyway stops at it (\"No value provided for placeholder: "
                + placeholder + "\"), migratest runs the statements as written; "
                + FlywayConfig.whereToGive(placeholder)));
    }

    private static String withoutConf(String path) {
        return path.substring(0, path.length() - CONF.length());
    }

    @Override
    public DefinitionProblem missingDown(Part up) {
        return new DefinitionProblem(up.file(), null, "no undo script for version " + up.version(),
                "U" + up.version() + "__<description>.sql next to it",
                "add U" + up.version() + "__" + up.name() + ".sql" + OR_FORWARD_ONLY);
    }

    @Override
    public DefinitionProblem missingUp(Part down) {
        return new DefinitionProblem(down.file(), null, "an undo script without V" + down.version() + "__*.sql",
                "every U<version>__<description>.sql to undo a V<version>__<description>.sql",
                "add V" + down.version() + "__" + down.name() + ".sql, or fix the version of " + down.file());
    }
}

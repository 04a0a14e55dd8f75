package dev.migratest.migration;

/**
 * One direction of one migration as a layout found it, before up and down are paired.
 *
 * @param key     the version's run order
 * @param version the version as the migration will show it
 * @param name    the name part
 * @param script  the script (its {@code file} names where it was found)
 * @param kind    versioned, repeatable or a Java migration
 */
record Part(VersionKey key, String version, String name, Script script, Migration.Kind kind) {

    Part(VersionKey key, String version, String name, Script script) {
        this(key, version, name, script, Migration.Kind.VERSIONED);
    }

    String file() {
        return script.file();
    }
}

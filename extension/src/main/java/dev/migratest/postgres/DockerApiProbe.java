package dev.migratest.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a Docker API endpoint {@code GET /_ping} before anything heavier is tried: a missing socket or a dead daemon
 * is known in milliseconds, without loading Testcontainers' client. Looks where Docker clients look: DOCKER_HOST,
 * then the usual sockets.
 */
final class DockerApiProbe {
    /** System property naming the Docker endpoint to probe, e.g. {@code unix:///run/podman/podman.sock}. */
    static final String DOCKER_HOST_PROPERTY = "migratest.container.dockerHost";
    private static final long TIMEOUT_MS = 1500;

    private DockerApiProbe() {
    }

    /** The endpoints to try, most explicit first. */
    static List<String> candidates() {
        List<String> hosts = new ArrayList<>();
        String configured = System.getProperty(DOCKER_HOST_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            hosts.add(configured);
            return hosts;
        }
        String env = System.getenv("DOCKER_HOST");
        if (env != null && !env.isBlank()) {
            hosts.add(env);
            return hosts;
        }
        hosts.add("unix:///var/run/docker.sock");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) hosts.add("unix://" + runtimeDir + "/docker.sock");
        hosts.add("unix://" + System.getProperty("user.home") + "/.docker/run/docker.sock");
        return hosts;
    }

    /** Empty when some endpoint answered {@code OK}; otherwise why each one did not. */
    static Optional<String> unavailableReason() {
        List<String> failures = new ArrayList<>();
        for (String host : candidates()) {
            Optional<String> failure = ping(host);
            if (failure.isEmpty()) return Optional.empty();
            failures.add(host + ": " + failure.get());
        }
        return Optional.of("no Docker API answered (" + String.join("; ", failures) + ")");
    }

    /** Empty when {@code host} answered the ping. */
    static Optional<String> ping(String host) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "migratest-docker-ping");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<String> answer = executor.submit(() -> exchange(host));
            String response = answer.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return response.startsWith("HTTP/1.") && response.contains(" 200") && response.endsWith("OK")
                    ? Optional.empty() : Optional.of("answered " + firstLine(response));
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + TIMEOUT_MS + " ms");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Optional.of(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } finally {
            executor.shutdownNow();
        }
    }

    private static String exchange(String host) throws IOException {
        URI uri = URI.create(host);
        SocketAddress address;
        SocketChannel channel;
        if ("unix".equals(uri.getScheme())) {
            Path socket = Path.of(uri.getPath());
            if (!Files.exists(socket)) throw new IOException("no socket at " + socket);
            address = UnixDomainSocketAddress.of(socket);
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } else if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
            address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
            channel = SocketChannel.open();
        } else {
            throw new IOException("unsupported scheme in " + host + " (expected unix:// or tcp://)");
        }
        try (SocketChannel c = channel) {
            c.connect(address);
            c.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            StringBuilder response = new StringBuilder();
            while (c.read(buffer) > 0 && response.length() < 8192) {
                buffer.flip();
                response.append(StandardCharsets.US_ASCII.decode(buffer));
                buffer.clear();
            }
            return response.toString().strip();
        }
    }

    private static String firstLine(String response) {
        int end = response.indexOf('\n');
        return end < 0 ? response : response.substring(0, end).strip();
    }
}

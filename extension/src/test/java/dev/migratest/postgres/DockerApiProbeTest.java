package dev.migratest.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The cheap probe against real sockets on loopback: one that answers like a Docker API, and none at all. */
class DockerApiProbeTest {

    @Test
    void aMissingUnixSocketIsReportedWithItsPath(@TempDir Path dir) {
        String host = "unix://" + dir.resolve("docker.sock");

        assertThat(DockerApiProbe.ping(host)).contains("IOException: no socket at " + dir.resolve("docker.sock"));
    }

    @Test
    void anEndpointThatAnswersPingWithOkIsAvailable() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> answerOnce(server, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"));
            answer.start();

            assertThat(DockerApiProbe.ping("tcp://127.0.0.1:" + server.getLocalPort())).isEmpty();
            answer.join(2000);
        }
    }

    @Test
    void anEndpointThatIsNotDockerIsRefusedWithWhatItSaid() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> answerOnce(server, "HTTP/1.1 404 Not Found\r\n\r\nnope"));
            answer.start();

            assertThat(DockerApiProbe.ping("tcp://127.0.0.1:" + server.getLocalPort()))
                    .contains("answered HTTP/1.1 404 Not Found");
            answer.join(2000);
        }
    }

    @Test
    void theConfiguredHostIsTheOnlyOneTried() {
        System.setProperty(DockerApiProbe.DOCKER_HOST_PROPERTY, "tcp://127.0.0.1:9");
        try {
            assertThat(DockerApiProbe.candidates()).containsExactly("tcp://127.0.0.1:9");
        } finally {
            System.clearProperty(DockerApiProbe.DOCKER_HOST_PROPERTY);
        }
    }

    private static void answerOnce(ServerSocket server, String response) {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
             OutputStream out = socket.getOutputStream()) {
            byte[] request = new byte[1024];
            int read = in.read(request);
            if (read > 0 && new String(request, 0, read, StandardCharsets.US_ASCII).startsWith("GET /_ping")) {
                out.write(response.getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException ignored) {
            // the probe closed first: the test's assertion says what went wrong
        }
    }
}

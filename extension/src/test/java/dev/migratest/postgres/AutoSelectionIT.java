package dev.migratest.postgres;

import dev.migratest.DisabledWithoutContainerEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** AUTO for real: the container when an engine answers, embedded when none does. */
class AutoSelectionIT {

    @Test
    void autoFallsBackToEmbeddedWhenNoEngineAnswers(@TempDir Path dir) throws Exception {
        System.setProperty(DockerApiProbe.DOCKER_HOST_PROPERTY, "unix://" + dir.resolve("no-engine.sock"));
        try (PostgresServer server = ProviderSelector.start(ProviderSelector.candidates(ProviderChoice.AUTO,
                new ExternalProvider(null, null, null), PostgresRequest.ANY, false))) {
            assertThat(server.providerName()).isEqualTo("embedded");
        } finally {
            System.clearProperty(DockerApiProbe.DOCKER_HOST_PROPERTY);
        }
    }

    @Test
    @DisabledWithoutContainerEngine
    void autoPicksTheContainerWhenAnEngineAnswers() throws Exception {
        try (PostgresServer server = ProviderSelector.start(ProviderSelector.candidates(ProviderChoice.AUTO,
                new ExternalProvider(null, null, null), PostgresRequest.ANY, false))) {
            assertThat(server.providerName()).isEqualTo("container");
        }
    }
}

package dev.migratest.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer builds under {@code src/it} stand for a stranger who copied README's "Getting started": they must hold
 * exactly what README shows, or a green consumer build would prove a snippet nobody reads.
 */
class ReadmeSnippetTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path PLAIN_CONSUMER = Path.of("src", "it", "plain-maven");
    private static final String SECTION = "## Getting started in your project";

    @Test
    void thePlainConsumersPomHoldsReadmesSnippetWordForWord() throws IOException {
        String snippet = codeBlocks(section()).get(1); // after the install command
        String pom = Files.readString(PLAIN_CONSUMER.resolve("pom.xml"), StandardCharsets.UTF_8)
                .replace("@project.version@", projectVersion());

        assertThat(snippet).startsWith("<properties>").contains("<artifactId>migratest-junit5</artifactId>");
        assertThat(pom).contains(snippet);
    }

    @Test
    void readmeNamesTheVersionThisBuildInstalls() throws IOException {
        assertThat(section()).contains("<version>" + projectVersion() + "</version>")
                .contains("dev.migratest:migratest-bom:" + projectVersion());
    }

    @Test
    void thePlainConsumersTestIsReadmesTestClass() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String readmeClass = codeBlocks(readme.substring(readme.indexOf("## Writing a migration test"))).get(0);
        String consumerClass = Files.readString(PLAIN_CONSUMER.resolve(
                Path.of("src", "test", "java", "com", "example", "MyMigrationsTest.java")), StandardCharsets.UTF_8);

        // the consumer adds rows, so that the rehearsal runs on tables that hold data; its imports and body are README's
        assertThat(readmeClass).startsWith("import dev.migratest.");
        assertThat(consumerClass).contains(readmeClass.substring(0, readmeClass.indexOf("@MigrationTest")))
                .contains(readmeClass.substring(readmeClass.indexOf("class MyMigrationsTest")));
    }

    private static String section() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README has a section '%s'", SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The bodies of the fenced code blocks of {@code text}, in order, without their fences. */
    private static List<String> codeBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("```", from);
            if (open < 0) return blocks;
            int bodyStart = text.indexOf('\n', open) + 1;
            int close = text.indexOf("\n```", bodyStart);
            blocks.add(text.substring(bodyStart, close + 1));
            from = close + 4;
        }
    }

    private static String projectVersion() {
        String version = System.getProperty("migratest.test.projectVersion");
        assertThat(version).as("set by the examples' pom").isNotBlank();
        return version;
    }
}

package io.github.lxca.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.lxca.simulator.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documents' recipes are the files the integration tests run: each block marked
 * {@code <!-- from src/it/X/FILE -->} (or {@code FILE#element}, for one XML element of it) in README.md or
 * CONTRIBUTING.md must equal that file, so that what a user copies is what was tested. The README's table
 * of contents lists its sections, and CONTRIBUTING.md lists every simulator user.
 */
class ReadmeTest {
    private static final Pattern MARKED_BLOCK =
            Pattern.compile("<!-- from (\\S+?)(?:#(\\w+))? -->\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

    private static final List<String> DOCUMENTS = List.of("README.md", "CONTRIBUTING.md");

    @Test
    void everyMarkedBlockEqualsTheFileTheTestsRun() throws IOException {
        String version = projectVersion();
        List<String> checked = new ArrayList<>();
        for (String document : DOCUMENTS) {
            Matcher block = MARKED_BLOCK.matcher(Files.readString(Path.of(document)));
            while (block.find()) {
                String source = Files.readString(Path.of(block.group(1)))
                        .replace("@project.version@", version)
                        .stripTrailing();
                String expected = block.group(2) == null ? source : element(source, block.group(2));
                assertEquals(
                        expected,
                        block.group(3),
                        document + " block from " + block.group(1)
                                + (block.group(2) == null ? "" : "#" + block.group(2)));
                checked.add(block.group(1));
            }
        }
        assertTrue(
                checked.containsAll(List.of("src/it/demo/pom.xml", "src/it/ci-example/release-into-lxca.yml")),
                "marked blocks: " + checked);
    }

    @Test
    void everyFaultUserIsInTheContributorsTable() throws IOException {
        String table = Files.readString(Path.of("CONTRIBUTING.md"));
        for (Fault fault : Fault.values()) {
            assertTrue(
                    table.contains("\n| `" + fault.userName() + "` | "),
                    "the table of the simulator's users in CONTRIBUTING.md lacks " + fault.userName());
        }
    }

    /** Each document's contents list links every ## section it has, and nothing else. */
    @Test
    void eachTableOfContentsListsEverySection() throws IOException {
        for (String document : DOCUMENTS) {
            String text = Files.readString(Path.of(document));
            List<String> sections = Pattern.compile("^## (.+)$", Pattern.MULTILINE)
                    .matcher(text)
                    .results()
                    .map(heading -> heading.group(1))
                    .filter(heading -> !heading.equals("Contents"))
                    .toList();
            List<String> listed = Pattern.compile("^- \\[(.+)\\]\\(#([^)]+)\\)$", Pattern.MULTILINE)
                    .matcher(text)
                    .results()
                    .map(entry -> entry.group(1))
                    .toList();
            assertEquals(sections, listed, document + ": the contents list and the ## sections differ");
            Pattern.compile("^- \\[.+\\]\\(#([^)]+)\\)$", Pattern.MULTILINE)
                    .matcher(text)
                    .results()
                    .forEach(entry -> assertTrue(
                            sections.stream().map(ReadmeTest::anchor).anyMatch(entry.group(1)::equals),
                            document + ": the link #" + entry.group(1) + " names no section"));
        }
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "")
                .replace(' ', '-');
    }

    /** The first {@code <name>...</name>} of an XML file, its lines un-indented as far as its first. */
    private static String element(String xml, String name) {
        List<String> lines = xml.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (start < 0 && lines.get(i).strip().equals("<" + name + ">")) {
                start = i;
            } else if (start >= 0 && lines.get(i).strip().equals("</" + name + ">")) {
                int indent = lines.get(start).indexOf('<');
                return String.join(
                        "\n",
                        lines.subList(start, i + 1).stream()
                                .map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
                                .toList());
            }
        }
        throw new AssertionError("no <" + name + "> in the file");
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile(
                        "</groupId>\\s*<artifactId>lxca-maven-plugin</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        return version.group(1);
    }
}

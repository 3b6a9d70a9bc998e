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
 * The README's recipes are the files the integration tests run: each block marked
 * {@code <!-- from src/it/X/FILE -->} (or {@code FILE#element}, for one XML element of it) must equal that
 * file, so that what a user copies is what was tested.
 */
class ReadmeTest {
    private static final Pattern MARKED_BLOCK = Pattern.compile("<!-- from (\\S+?)(?:#(\\w+))? -->\\n```\\w*\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void everyMarkedBlockEqualsTheFileTheTestsRun() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String version = projectVersion();
        Matcher block = MARKED_BLOCK.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (block.find()) {
            String source = Files.readString(Path.of(block.group(1))).replace("@project.version@", version).stripTrailing();
            String expected = block.group(2) == null ? source : element(source, block.group(2));
            assertEquals(expected, block.group(3), "README block from " + block.group(1)
                    + (block.group(2) == null ? "" : "#" + block.group(2)));
            checked.add(block.group(1));
        }
        assertTrue(checked.containsAll(List.of("src/it/demo/pom.xml", "src/it/ci-example/release-into-lxca.yml")),
                "marked blocks: " + checked);
    }

    @Test
    void everyFaultUserIsInTheReadmesTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Fault fault : Fault.values()) {
            assertTrue(readme.contains("\n| `" + fault.userName() + "` | "), "the README's fault table lacks " + fault.userName());
        }
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
                return String.join("\n", lines.subList(start, i + 1).stream()
                        .map(line -> line.length() >= indent ? line.substring(indent) : line.strip()).toList());
            }
        }
        throw new AssertionError("no <" + name + "> in the file");
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("</groupId>\\s*<artifactId>lxca-maven-plugin</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        return version.group(1);
    }
}

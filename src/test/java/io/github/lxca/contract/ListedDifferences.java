package io.github.lxca.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differences from Lenovo's client that a contract accepts, as its JSON file under {@code contract/} lists them
 * ({@code step}, {@code field}, {@code pylxca}, {@code plugin}), and the check that the README's section "Agreement
 * with Lenovo's client" shows each as a table row.
 */
record ListedDifferences(List<SequenceComparison.Difference> all) {
    static ListedDifferences load(String resource) throws IOException {
        JsonNode listed;
        try (InputStream in = ListedDifferences.class.getResourceAsStream("/contract/" + resource)) {
            listed = new ObjectMapper().readTree(in);
        }
        List<SequenceComparison.Difference> all = new ArrayList<>();
        for (JsonNode difference : listed) {
            all.add(new SequenceComparison.Difference(
                    difference.get("step").asText(),
                    difference.get("field").asText(),
                    difference.get("pylxca").asText(),
                    difference.get("plugin").asText()));
        }
        return new ListedDifferences(List.copyOf(all));
    }

    /** The listed differences as {@link #lines} gives those a comparison found. */
    List<String> lines() {
        return lines(all);
    }

    static List<String> lines(List<SequenceComparison.Difference> differences) {
        return differences.stream().map(SequenceComparison.Difference::toString).toList();
    }

    void assertEachIsARowOfTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Agreement with Lenovo's client");
        assertTrue(start >= 0, "the README has no section 'Agreement with Lenovo's client'");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        for (SequenceComparison.Difference difference : all) {
            String row = "| " + difference.step() + " | " + difference.field() + " | `" + difference.lenovo() + "` | `"
                    + difference.plugin() + "` | ";
            assertTrue(
                    section.contains(row),
                    "the README's section 'Agreement with Lenovo's client' lacks the row " + row);
        }
    }
}

package io.github.lxca.apply;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code apply-report.json}: one {@link ApplyRecord} per LXCA, written after every apply, proven or failed, so CI
 * can archive it. {@code outcome} is the first failure's, else the common outcome.
 */
@JsonPropertyOrder({"outcome", "applies"})
public record ApplyReport(ApplyOutcome outcome, List<ApplyRecord> applies) {

    public static ApplyReport of(List<ApplyRecord> applies) {
        ApplyOutcome overall = applies.stream()
                .map(ApplyRecord::outcome)
                .filter(o -> !o.succeeded())
                .findFirst()
                .orElse(
                        applies.isEmpty()
                                ? ApplyOutcome.REFUSED
                                : applies.get(0).outcome());
        return new ApplyReport(overall, List.copyOf(applies));
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }
}

package io.github.lxca.importer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code import-report.json}, one {@link ReportEntry} per LXCA: written after every run, success or failure, so CI can archive it and
 * later steps can read it. {@code outcome} is FAILED when any import failed, else IMPORTED when any
 * imported, else the common outcome of all.
 */
@JsonPropertyOrder({"outcome", "fixIds", "imports"})
public record ImportReport(ImportOutcome outcome, List<String> fixIds, List<ReportEntry> imports) {

    public static ImportReport of(List<String> fixIds, List<ReportEntry> imports) {
        ImportOutcome overall;
        if (imports.isEmpty() || imports.stream().anyMatch(ReportEntry::isFailure)) {
            overall = ImportOutcome.FAILED;
        } else if (imports.stream().anyMatch(r -> r.outcome() == ImportOutcome.IMPORTED)) {
            overall = ImportOutcome.IMPORTED;
        } else {
            overall = imports.get(0).outcome();
        }
        return new ImportReport(overall, List.copyOf(fixIds), List.copyOf(imports));
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }
}

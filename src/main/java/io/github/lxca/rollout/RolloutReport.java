package io.github.lxca.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rollout-report.json}: the plan and one {@link ApplianceRow} per appliance, the same as the log's table.
 * {@code outcome} is {@code COMPLETE}, {@code FAILED} (it went through every stage, with failures within
 * {@code maxFailures}), {@code HALTED} or {@code DRY_RUN}.
 *
 * @param halt why the rollout halted, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"outcome", "fixIds", "plan", "maxFailures", "halt", "appliances"})
public record RolloutReport(
        String outcome,
        List<String> fixIds,
        List<List<String>> plan,
        int maxFailures,
        String halt,
        List<ApplianceRow> appliances) {

    public static RolloutReport of(
            List<String> fixIds, RolloutPlan plan, int maxFailures, Rollout.Result result, boolean dryRun) {
        String outcome = dryRun
                ? "DRY_RUN"
                : result.halted() ? "HALTED" : result.failures().isEmpty() ? "COMPLETE" : "FAILED";
        return new RolloutReport(
                outcome, List.copyOf(fixIds), plan.stages(), maxFailures, result.halt(), result.rows());
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
    }
}

package io.github.lxca.packaging;

import java.util.List;
import java.util.Objects;

/**
 * The descriptor properties a project cannot supply by itself, each settable in the POM.
 *
 * @param category Lenovo's {@code category}
 * @param buildNumber Lenovo's {@code buildNumber}, also the first word of {@code Version}; null or blank for
 *     the release date as {@code yyyyMMdd}
 * @param updateType the {@code updateType} property
 * @param rebootRequired the {@code rebootRequired} property
 * @param preReqs fix ids that must be installed first ({@code preReq})
 * @param machineTypes {@code applicableMachineTypes}: each holds a machine type in square brackets
 */
@SuppressWarnings("InvalidParam") // {@code preReq} names the descriptor property, not the parameter preReqs
public record DescriptorSettings(
        String category,
        String buildNumber,
        String updateType,
        boolean rebootRequired,
        List<String> preReqs,
        List<String> machineTypes) {
    public static final String DEFAULT_CATEGORY = "Management Server";
    public static final String DEFAULT_UPDATE_TYPE = "Update";

    public DescriptorSettings {
        category = category == null || category.isBlank() ? DEFAULT_CATEGORY : category.strip();
        buildNumber = buildNumber == null || buildNumber.isBlank() ? null : buildNumber.strip();
        updateType = updateType == null || updateType.isBlank() ? DEFAULT_UPDATE_TYPE : updateType.strip();
        preReqs = stripped(preReqs);
        machineTypes = stripped(machineTypes);
    }

    private static List<String> stripped(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .toList();
    }
}

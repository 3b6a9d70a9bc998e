package io.github.lxca.packaging;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One update set to package, fully described.
 *
 * @param outputDirectory the folder the four files are written to
 * @param fixId the base name of the four files, already resolved (see {@link FixIdResolver})
 * @param name the product name for a generated readme; defaults to the component
 * @param description what the update is, for the descriptor and a generated readme; may be empty
 * @param buildTimestamp the build's {@code project.build.outputTimestamp}: archive entry times and release date
 * @param changeHistory a ready {@code .chg} file, or empty to generate one from {@code changes}
 * @param changes one line per change, for a generated change history
 * @param readme a ready {@code .txt} file, or empty to generate one
 * @param descriptorSettings the descriptor properties the project cannot supply
 */
public record PackageRequest(
        Path outputDirectory,
        String fixId,
        String component,
        String version,
        String name,
        String description,
        Optional<Instant> buildTimestamp,
        PayloadSource payload,
        Optional<Path> changeHistory,
        List<String> changes,
        Optional<Path> readme,
        DescriptorSource descriptor,
        DescriptorSettings descriptorSettings) {

    public PackageRequest {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(fixId, "fixId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(version, "version");
        name = name == null || name.isBlank() ? component : name.strip();
        description = description == null ? "" : description.strip();
        Objects.requireNonNull(buildTimestamp, "buildTimestamp");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(changeHistory, "changeHistory");
        changes = changes == null
                ? List.of()
                : changes.stream().filter(Objects::nonNull).toList();
        Objects.requireNonNull(readme, "readme");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(descriptorSettings, "descriptorSettings");
    }
}

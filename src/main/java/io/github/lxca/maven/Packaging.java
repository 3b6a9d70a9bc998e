package io.github.lxca.maven;

import io.github.lxca.packaging.DescriptorSettings;
import io.github.lxca.packaging.DescriptorSource;
import io.github.lxca.packaging.PackageRequest;
import io.github.lxca.packaging.PackagingException;
import io.github.lxca.packaging.PayloadSource;
import io.github.lxca.packaging.UpdatePackager;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateSet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Packages this build's update set from the packaging parameters, for {@code package-update} and for
 * {@code import-update}, which packages first when its folder holds no set: the same code and checks for both.
 */
final class Packaging {

    /** The packaging parameters as a goal has them, Maven having merged the pom, the command line and the defaults. */
    record Parameters(
            File payload,
            File payloadDirectory,
            File changeHistory,
            List<String> changes,
            File readme,
            String category,
            String buildNumber,
            String updateType,
            boolean rebootRequired,
            List<String> preReqs,
            List<String> applicableMachineTypes,
            File descriptorTemplate,
            File descriptor,
            String outputTimestamp) {}

    private final AbstractLxcaMojo goal;
    private final Parameters parameters;

    Packaging(AbstractLxcaMojo goal, Parameters parameters) {
        this.goal = goal;
        this.parameters = parameters;
    }

    /** Whether there is something to package: {@code payload}, {@code payloadDirectory} or a tar.gz artifact. */
    boolean hasInput() {
        if (parameters.payload() != null || parameters.payloadDirectory() != null) {
            return true; // packaging reports what is wrong with them, such as both being set
        }
        try {
            PayloadSource.choose(null, null, mainArtifact());
            return true;
        } catch (PackagingException nothingToPackage) {
            return false;
        }
    }

    /**
     * Packages the update set into {@code outputDirectory}, checked as an import would check it, and tells a
     * later import in this build that its payload need not be read again.
     */
    UpdateSet packInto(Path outputDirectory) throws MojoFailureException {
        try {
            UpdateSet set = UpdatePackager.standard(goal.getLog()::warn).pack(request(outputDirectory));
            try {
                if (goal.getPluginContext() != null) {
                    GoalHandOver.addCheckedPayloads(goal.getPluginContext(), set);
                }
            } catch (IOException e) {
                goal.getLog().debug("The import will check the payload again: " + e.getMessage());
            }
            return set;
        } catch (PackagingException e) {
            throw new MojoFailureException(e.getMessage()); // no cause: Maven would append its message again
        } catch (InvalidUpdateSetException e) {
            throw new MojoFailureException(
                    "The update set written to " + e.directory() + " fails the checks an import makes:\n  - "
                            + String.join("\n  - ", e.problems())
                            + "\nWhat to do: correct the payload or descriptor named above;"
                            + " it is read as given (a payload must be a readable gzip tar)");
        }
    }

    PackageRequest request(Path outputDirectory) throws PackagingException {
        MavenProject project = goal.project;
        return new PackageRequest(
                outputDirectory,
                goal.resolvedFixId(),
                goal.updateComponent(),
                goal.updateVersion(),
                project == null ? null : project.getName(),
                project == null ? null : project.getDescription(),
                BuildTimestamp.parse(parameters.outputTimestamp()),
                PayloadSource.choose(
                        AbstractLxcaMojo.pathOf(parameters.payload()),
                        AbstractLxcaMojo.pathOf(parameters.payloadDirectory()),
                        mainArtifact()),
                Optional.ofNullable(AbstractLxcaMojo.pathOf(parameters.changeHistory())),
                parameters.changes(),
                parameters.readme() != null ? Optional.of(parameters.readme().toPath()) : defaultReadme(),
                DescriptorSource.choose(
                        AbstractLxcaMojo.pathOf(parameters.descriptorTemplate()),
                        AbstractLxcaMojo.pathOf(parameters.descriptor())),
                new DescriptorSettings(
                        parameters.category(),
                        parameters.buildNumber(),
                        parameters.updateType(),
                        parameters.rebootRequired(),
                        parameters.preReqs(),
                        parameters.applicableMachineTypes()));
    }

    /**
     * The project's artifact; when that is no tar.gz, the one tar.gz the build attached without a classifier,
     * as maven-assembly-plugin does with {@code appendAssemblyId} false.
     */
    private Path mainArtifact() {
        MavenProject project = goal.project;
        if (project == null) {
            return null;
        }
        Path main = project.getArtifact() == null
                ? null
                : AbstractLxcaMojo.pathOf(project.getArtifact().getFile());
        if (main != null && PayloadSource.isTarGz(main)) {
            return main;
        }
        List<Path> attached = project.getAttachedArtifacts().stream()
                .filter(artifact -> artifact.getClassifier() == null
                        || artifact.getClassifier().isEmpty())
                .map(artifact -> AbstractLxcaMojo.pathOf(artifact.getFile()))
                .filter(file -> file != null && PayloadSource.isTarGz(file))
                .toList();
        return attached.size() == 1 ? attached.get(0) : main;
    }

    private Optional<Path> defaultReadme() {
        MavenProject project = goal.project;
        if (project == null || project.getBasedir() == null) {
            return Optional.empty();
        }
        Path basedir = project.getBasedir().toPath();
        return Stream.of("README.txt", "README.md")
                .map(basedir::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
    }
}

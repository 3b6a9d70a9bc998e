package io.github.lxca.maven;

import io.github.lxca.update.UpdateFile;
import io.github.lxca.update.UpdateSet;
import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages one LXCA update set: four files sharing the fix id as base name, {@code <fixid>.chg} (change
 * history), {@code <fixid>.tgz} (payload), {@code <fixid>.txt} (readme) and {@code <fixid>.xml}
 * (descriptor), written to the folder {@code import-update} reads by default. The set is checked as an
 * import would check it, and the four files are attached to the project with the classifier {@code lxca}
 * so that {@code install} and {@code deploy} publish them.
 *
 * <p>A payload folder is archived reproducibly: sorted entries, owner root, fixed modes, and entry times
 * from {@code project.build.outputTimestamp}, so the same input always gives the same bytes.
 */
@Mojo(name = "package-update", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageUpdateMojo extends AbstractUpdateMojo {
    static final String CLASSIFIER = "lxca";

    /** Folder the update set is written to. */
    @Parameter(property = "lxca.outputDirectory", defaultValue = "${project.build.directory}/lxca-update")
    private File outputDirectory;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageUpdateMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoFailureException {
        origins();
        if (skip || skipPackage) {
            getLog().info("Skipping the LXCA update packaging: " + (skip ? "lxca.skip" : "lxca.skipPackage")
                    + " is true");
            return;
        }
        UpdateSet set = packageInto(outputDirectory.toPath());
        for (UpdateFile file : set.files()) {
            projectHelper.attachArtifact(
                    project, file.type().extension(), CLASSIFIER, file.path().toFile());
        }
        getLog().info("Packaged LXCA update " + set.fixId() + " in " + outputDirectory + " ("
                + set.files().stream().map(UpdateFile::name).toList() + ")");
    }
}

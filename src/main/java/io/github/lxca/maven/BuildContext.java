package io.github.lxca.maven;

import io.github.lxca.update.CheckedPayloads;
import io.github.lxca.update.UpdateSet;
import java.io.IOException;
import java.util.List;
import org.apache.maven.project.MavenProject;

/** What {@code package-update} tells a later {@code import-update} of the same project and build. */
final class BuildContext {
    private static final String CHECKED_PAYLOADS = "io.github.lxca.checkedPayloads";

    private BuildContext() {}

    /** The payloads this project's build has packaged and read to their end, so far. */
    static CheckedPayloads checkedPayloads(MavenProject project) {
        Object stamps = project == null ? null : project.getContextValue(CHECKED_PAYLOADS);
        if (!(stamps instanceof List<?> list)) {
            return CheckedPayloads.NONE;
        }
        return CheckedPayloads.of(list.stream().map(String::valueOf).toList());
    }

    static void addCheckedPayloads(MavenProject project, UpdateSet set) throws IOException {
        project.setContextValue(CHECKED_PAYLOADS, checkedPayloads(project).with(set).stamps());
    }
}

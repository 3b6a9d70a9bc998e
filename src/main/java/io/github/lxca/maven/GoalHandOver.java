package io.github.lxca.maven;

import io.github.lxca.update.CheckedPayloads;
import io.github.lxca.update.UpdateSet;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What {@code package-update} hands over to a later {@code import-update} of the same project and build,
 * through the plugin context ({@code getPluginContext()}), which Maven shares between this plugin's goals
 * in one project.
 */
final class GoalHandOver {
    private static final String CHECKED_PAYLOADS = "io.github.lxca.checkedPayloads";

    private GoalHandOver() {}

    /** The payloads this project's build has packaged and read to their end, so far. */
    static CheckedPayloads checkedPayloads(Map<?, ?> pluginContext) {
        Object stamps = pluginContext == null ? null : pluginContext.get(CHECKED_PAYLOADS);
        if (!(stamps instanceof List<?> list)) {
            return CheckedPayloads.NONE;
        }
        return CheckedPayloads.of(list.stream().map(String::valueOf).toList());
    }

    @SuppressWarnings("unchecked") // Maven's plugin context is a raw Map
    static void addCheckedPayloads(Map<?, ?> pluginContext, UpdateSet set) throws IOException {
        ((Map<Object, Object>) pluginContext)
                .put(CHECKED_PAYLOADS, checkedPayloads(pluginContext).with(set).stamps());
    }
}

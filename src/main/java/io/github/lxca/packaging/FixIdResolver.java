package io.github.lxca.packaging;

import io.github.lxca.update.FixId;
import java.util.Optional;

/** Decides the fix id of a new update set and refuses versions that must not reach an updates repository. */
public final class FixIdResolver {
    static final String SNAPSHOT_SUFFIX = "-SNAPSHOT";

    private FixIdResolver() {}

    /** The fix id used when none is configured. */
    public static String defaultFixId(String component, String version) {
        return "lnvgy_sw_lxca_" + component + "-" + version + "_anyos_noarch";
    }

    /**
     * @param configured the fix id set by the user, or null or blank for the default pattern
     * @param allowSnapshot whether a {@code -SNAPSHOT} version may be packaged
     */
    public static String resolve(String configured, String component, String version, boolean allowSnapshot)
            throws PackagingException {
        if (version == null || version.isBlank()) {
            throw new PackagingException(
                    "The update has no version", "set lxca.version (<version> in the plugin configuration)");
        }
        if (version.endsWith(SNAPSHOT_SUFFIX) && !allowSnapshot) {
            // LXCA keys an update by its fix id, so a rebuilt snapshot would replace a different payload under the same
            // name.
            throw new PackagingException(
                    "Version " + version + " is a snapshot, and an LXCA updates repository must not"
                            + " hold a version whose content changes under the same fix id",
                    "package a release version, or set"
                            + " -Dlxca.allowSnapshot=true (<allowSnapshot>true</allowSnapshot>) for a test repository");
        }
        String fixId =
                configured == null || configured.isBlank() ? defaultFixId(component, version) : configured.strip();
        Optional<String> problem = FixId.problemWith(fixId);
        if (problem.isPresent()) {
            boolean built = configured == null || configured.isBlank();
            String origin = built
                    ? " (built from lxca.component '" + component + "' and lxca.version '" + version + "')"
                    : " (lxca.fixId)";
            throw new PackagingException(
                    "Cannot package the update: " + problem.get() + origin,
                    built ? "set lxca.fixId to choose another, or change lxca.component" : "correct lxca.fixId");
        }
        return fixId;
    }
}

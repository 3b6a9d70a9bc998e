package io.github.lxca.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a Lenovo-layout descriptor describes the set it travels in: LXCA finds the payload by the
 * descriptor's {@code payload} property, so a descriptor copied from another set would make it look for
 * a file that was never uploaded.
 */
final class DescriptorAgreement {
    private DescriptorAgreement() {}

    /** One line per disagreement, naming the file, the property and both values. */
    static List<String> problems(String fixId, LenovoDescriptor descriptor) {
        String file = UpdateFileType.DESCRIPTOR.fileName(fixId);
        List<String> problems = new ArrayList<>();
        require(
                        file,
                        "payload",
                        descriptor.value("payload"),
                        UpdateFileType.PAYLOAD.fileName(fixId),
                        "the set's payload file")
                .ifPresent(problems::add);
        require(file, "xmlFilename", descriptor.value("xmlFilename"), file, "the descriptor's own file name")
                .ifPresent(problems::add);
        descriptor
                .valueIgnoringCase("fixid")
                .filter(value -> !value.equals(fixId))
                .ifPresent(value -> problems.add(file + ": property 'fixid' is '" + value
                        + "', but the file names give the fix id '" + fixId + "'"));
        return problems;
    }

    private static Optional<String> require(
            String file, String property, Optional<String> actual, String expected, String meaning) {
        if (actual.isEmpty()) {
            return Optional.of(file + ": property '" + property + "' is missing; Lenovo's parser reads " + meaning
                    + " from it, here '" + expected + "'");
        }
        if (!actual.get().equals(expected)) {
            return Optional.of(file + ": property '" + property + "' is '" + actual.get() + "', but " + meaning
                    + " is '" + expected + "'");
        }
        return Optional.empty();
    }
}

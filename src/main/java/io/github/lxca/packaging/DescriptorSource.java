package io.github.lxca.packaging;

import java.nio.file.Path;

/** Where the {@code .xml} descriptor of an update set comes from. */
public sealed interface DescriptorSource {

    /** Written by the packager in its own format. */
    record Generated() implements DescriptorSource {}

    /** A file with {@code ${name}} placeholders, filled with the update's values. */
    record Template(Path file) implements DescriptorSource {}

    /** A finished descriptor, copied as it is. */
    record Ready(Path file) implements DescriptorSource {}

    /**
     * @param template the {@code descriptorTemplate} parameter, or null
     * @param ready the {@code descriptor} parameter, or null
     */
    static DescriptorSource choose(Path template, Path ready) throws PackagingException {
        if (template != null && ready != null) {
            throw new PackagingException(
                    "Both descriptorTemplate (" + template + ") and descriptor (" + ready + ") are set",
                    "set only one of them");
        }
        if (template != null) {
            return new Template(template);
        }
        return ready != null ? new Ready(ready) : new Generated();
    }
}

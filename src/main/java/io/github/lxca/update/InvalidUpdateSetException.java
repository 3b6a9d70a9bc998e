package io.github.lxca.update;

import java.nio.file.Path;
import java.util.List;

/** The update sets in a folder cannot be imported; every problem found is listed, not just the first. */
public class InvalidUpdateSetException extends Exception {
    private final Path directory;
    private final List<String> problems;

    public InvalidUpdateSetException(Path directory, List<String> problems) {
        super("The update set in " + directory + " cannot be imported:\n  - " + String.join("\n  - ", problems)
                + "\nWhat to do: correct each problem listed (a set is four files sharing one fix id: .chg, .tgz, .txt"
                + " and .xml; lxca:package-update makes one), then run again");
        this.directory = directory;
        this.problems = List.copyOf(problems);
    }

    public Path directory() {
        return directory;
    }

    public List<String> problems() {
        return problems;
    }
}

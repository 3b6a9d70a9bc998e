package io.github.lxca.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the update sets in a folder and checks them before anything leaves the machine: each set is
 * complete, no file is empty, every fix id is safe, the payload is a readable gzip-compressed tar, the
 * descriptor is well-formed XML and, when it is in Lenovo's layout, names this set's payload and itself.
 * All problems are reported together.
 */
public final class UpdateSetScanner {
    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};
    /**
     * The largest descriptor read: real ones are about 7 KB, and a larger one is refused before it is parsed (a
     * 200 MB value once ended in an OutOfMemoryError).
     */
    public static final long MAX_DESCRIPTOR_BYTES = 1024 * 1024;

    private final Consumer<String> warnings;
    private final CheckedPayloads alreadyChecked;
    private final Consumer<String> notes;
    private final Consumer<String> details;

    /** @param warnings receives one line per file that is not part of any set and is ignored */
    public UpdateSetScanner(Consumer<String> warnings) {
        this(warnings, CheckedPayloads.NONE, note -> {}, detail -> {});
    }

    /**
     * @param alreadyChecked payloads that need not be read to their end again
     * @param notes receives one line per descriptor whose layout is not Lenovo's and so is not checked
     *     against its set: a user should know what was not checked
     * @param details receives one line per payload not read again: only of interest when looking closer
     */
    public UpdateSetScanner(
            Consumer<String> warnings,
            CheckedPayloads alreadyChecked,
            Consumer<String> notes,
            Consumer<String> details) {
        this.warnings = warnings;
        this.alreadyChecked = alreadyChecked;
        this.notes = notes;
        this.details = details;
    }

    public List<UpdateSet> scan(Path directory) throws InvalidUpdateSetException {
        if (!Files.isDirectory(directory)) {
            throw new InvalidUpdateSetException(
                    directory,
                    List.of(
                            Files.exists(directory)
                                    ? "it is a file, not a folder; point lxca.updateDirectory at the folder that holds the .chg, .tgz, .txt and .xml files"
                                    : "the folder does not exist; build the set first (lxca:package-update) or point lxca.updateDirectory at the folder that holds it"));
        }
        Map<String, Map<UpdateFileType, Path>> byFixId = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> notRegular = new TreeSet<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.sorted().forEach(path -> {
                String name = path.getFileName().toString();
                var type = UpdateFileType.ofFileName(name);
                if (type.isEmpty()) {
                    warnings.accept("Ignoring " + name + ": not a .chg, .tgz, .txt or .xml file of an update set");
                    return;
                }
                if (!Files.isRegularFile(path)) {
                    // named as a set's file, but a folder, a FIFO or a device: it is the problem, not "missing"
                    problems.add(name + " is " + kindOf(path) + ", not a regular file: an update set's files must be"
                            + " regular files (or links to them)");
                    notRegular.add(name);
                    return;
                }
                String fixId =
                        name.substring(0, name.length() - type.get().extension().length() - 1);
                byFixId.computeIfAbsent(fixId, id -> new EnumMap<>(UpdateFileType.class))
                        .put(type.get(), path);
            });
        } catch (IOException e) {
            throw new InvalidUpdateSetException(directory, List.of("the folder cannot be read: " + e.getMessage()));
        }
        if (byFixId.isEmpty() && !problems.isEmpty()) {
            throw new InvalidUpdateSetException(directory, problems);
        }
        if (byFixId.isEmpty()) {
            throw new InvalidUpdateSetException(
                    directory,
                    List.of("the folder holds no update set; expected four files <fix id>.chg, .tgz, .txt and .xml"));
        }
        List<UpdateSet> sets = new ArrayList<>();
        byFixId.forEach(
                (fixId, files) -> checkSet(fixId, files, problems, notRegular).ifPresent(sets::add));
        if (!problems.isEmpty()) {
            throw new InvalidUpdateSetException(directory, problems);
        }
        return sets;
    }

    /**
     * Checks only the set {@code fixId} in {@code directory}, with the same checks as {@link #scan}; other
     * files in the folder are neither checked nor reported.
     */
    public UpdateSet check(Path directory, String fixId) throws InvalidUpdateSetException {
        Map<UpdateFileType, Path> files = new EnumMap<>(UpdateFileType.class);
        for (UpdateFileType type : UpdateFileType.values()) {
            Path path = directory.resolve(type.fileName(fixId));
            if (Files.isRegularFile(path)) {
                files.put(type, path);
            }
        }
        List<String> problems = new ArrayList<>();
        Optional<UpdateSet> set = checkSet(fixId, files, problems, Set.of());
        if (!problems.isEmpty() || set.isEmpty()) {
            throw new InvalidUpdateSetException(directory, problems);
        }
        return set.get();
    }

    /** @param notRegular names of the folder that are not regular files, already reported as such */
    private Optional<UpdateSet> checkSet(
            String fixId, Map<UpdateFileType, Path> files, List<String> problems, Set<String> notRegular) {
        FixId.problemWith(fixId).ifPresent(problem -> problems.add(problem + " (files " + namesOf(files) + ")"));
        for (UpdateFileType type : UpdateFileType.values()) {
            if (!files.containsKey(type) && !notRegular.contains(type.fileName(fixId))) {
                problems.add(type.fileName(fixId) + " is missing: the set " + fixId + " has only " + namesOf(files));
            }
        }
        List<UpdateFile> checked = new ArrayList<>();
        files.forEach((type, path) -> checkFile(type, path, problems).ifPresent(checked::add));
        if (checked.size() == UpdateFileType.values().length && FixId.isSafe(fixId)) {
            List<String> disagreements = descriptorProblems(fixId, files.get(UpdateFileType.DESCRIPTOR));
            problems.addAll(disagreements);
            return disagreements.isEmpty() ? Optional.of(new UpdateSet(fixId, checked)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** What a descriptor in Lenovo's layout says about the set, checked against the set's files. */
    private List<String> descriptorProblems(String fixId, Path descriptor) {
        Optional<LenovoDescriptor> lenovo;
        try {
            lenovo = LenovoDescriptor.read(descriptor);
        } catch (IOException e) {
            return List.of(descriptor.getFileName() + " cannot be read: " + e.getMessage());
        }
        if (lenovo.isEmpty()) {
            notes.accept("Did not check what " + descriptor.getFileName() + " says about its set: it is not in the"
                    + " INSTANCE/PROPERTY layout known from Lenovo's parsers, and real packages may differ from what"
                    + " this plugin knows");
            return List.of();
        }
        return DescriptorAgreement.problems(fixId, lenovo.get());
    }

    private Optional<UpdateFile> checkFile(UpdateFileType type, Path path, List<String> problems) {
        String name = path.getFileName().toString();
        try {
            long size = Files.size(path);
            if (size == 0) {
                problems.add(name + " is empty");
                return Optional.empty();
            }
            if (type == UpdateFileType.DESCRIPTOR && size > MAX_DESCRIPTOR_BYTES) {
                problems.add(name + " has " + size + " bytes, more than the " + MAX_DESCRIPTOR_BYTES
                        + " bytes (1 MiB) a descriptor may have (real ones are about 7 KB); it was not read");
                return Optional.empty();
            }
            if (type == UpdateFileType.PAYLOAD && !startsWith(path, GZIP_MAGIC)) {
                problems.add(name + " is not a gzip file (a .tgz payload must be a gzip-compressed tar)");
                return Optional.empty();
            }
            Optional<String> contentProblem = switch (type) {
                case PAYLOAD -> readAgain(path) ? GzipTar.problemWith(path) : Optional.empty();
                case DESCRIPTOR -> WellFormedXml.problemWith(path).map(error -> "is not well-formed XML: " + error);
                default -> Optional.empty();
            };
            if (contentProblem.isPresent()) {
                problems.add(name + " " + contentProblem.get());
                return Optional.empty();
            }
            return Optional.of(new UpdateFile(type, path, size));
        } catch (IOException e) {
            problems.add(name + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String kindOf(Path path) {
        if (Files.isDirectory(path)) {
            return "a folder";
        }
        try {
            Object other = Files.readAttributes(path, "unix:mode").get("mode");
            if (other instanceof Integer mode) {
                int type = mode & 0170000;
                return type == 0010000 ? "a FIFO (named pipe)" : type == 0140000 ? "a socket" : "a device";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix attributes here: say less
        }
        return Files.exists(path) ? "a special file" : "a link to nothing";
    }

    private boolean readAgain(Path payload) {
        if (alreadyChecked.vouchFor(payload)) {
            details.accept("Not reading " + payload.getFileName()
                    + " again: lxca:package-update checked it in this build" + " and it has not changed since");
            return false;
        }
        return true;
    }

    private static boolean startsWith(Path path, byte[] magic) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(magic.length);
            return Arrays.equals(head, magic);
        }
    }

    private static String namesOf(Map<UpdateFileType, Path> files) {
        return files.values().stream()
                .map(p -> p.getFileName().toString())
                .sorted()
                .toList()
                .toString();
    }
}

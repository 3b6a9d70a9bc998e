package io.github.lxca.packaging;

import io.github.lxca.update.FixId;
import io.github.lxca.update.InvalidUpdateSetException;
import io.github.lxca.update.UpdateFileType;
import io.github.lxca.update.UpdateSet;
import io.github.lxca.update.UpdateSetScanner;
import io.github.lxca.update.WellFormedXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes one complete update set, {@code <fixid>.chg/.tgz/.txt/.xml}, and checks it with the same
 * {@link UpdateSetScanner} that guards an import. A set that fails is removed rather than left for a later
 * import to find.
 */
public final class UpdatePackager {
    private final Clock clock;
    private final Consumer<String> warnings;

    /** @param clock gives the release date when the build has no output timestamp */
    public UpdatePackager(Clock clock, Consumer<String> warnings) {
        this.clock = clock;
        this.warnings = warnings;
    }

    @SuppressWarnings("JavaTimeDefaultTimeZone") // without an output timestamp, the release date is the builder's today
    public static UpdatePackager standard(Consumer<String> warnings) {
        return new UpdatePackager(Clock.systemDefaultZone(), warnings);
    }

    public UpdateSet pack(PackageRequest request) throws PackagingException, InvalidUpdateSetException {
        Optional<String> badFixId = FixId.problemWith(request.fixId());
        if (badFixId.isPresent()) {
            throw new PackagingException("Cannot package the update: " + badFixId.get(), "correct lxca.fixId");
        }
        if (request.changeHistory().isPresent() && !request.changes().isEmpty()) {
            throw new PackagingException(
                    "Both changeHistory (" + request.changeHistory().get() + ") and <changes> are set",
                    "set only one: a ready change history file, or the changes to list in a generated one");
        }
        requireInputs(request);
        requireDescriptorValues(request);
        Path out = request.outputDirectory();
        Map<UpdateFileType, Path> targets = new EnumMap<>(UpdateFileType.class);
        for (UpdateFileType type : UpdateFileType.values()) {
            targets.put(type, out.resolve(type.fileName(request.fixId())));
        }
        boolean complete = false;
        try {
            Files.createDirectories(out);
            warnAboutOtherFiles(out, request.fixId());
            writeSet(request, targets);
            UpdateSet set = new UpdateSetScanner(warnings).check(out, request.fixId());
            complete = true;
            return set;
        } catch (IOException e) {
            throw new PackagingException(
                    "Cannot write the update set " + request.fixId() + " to " + out + ": " + describe(e),
                    "check that the build may write there and that the disk has room, then run again",
                    e);
        } finally {
            if (!complete) {
                removeWritten(targets, request);
            }
        }
    }

    private void writeSet(PackageRequest request, Map<UpdateFileType, Path> targets)
            throws PackagingException, IOException {
        Instant entryTime = request.buildTimestamp().orElse(ReproducibleTarGz.DEFAULT_ENTRY_TIME);
        LocalDate releaseDate = request.buildTimestamp()
                .map(timestamp -> LocalDate.ofInstant(timestamp, ZoneOffset.UTC))
                .orElseGet(() -> LocalDate.now(clock));

        Path payload = targets.get(UpdateFileType.PAYLOAD);
        if (request.payload() instanceof PayloadSource.Folder folder) {
            ReproducibleTarGz.write(folder.directory(), payload, entryTime);
        } else if (request.payload() instanceof PayloadSource.Archive archive) {
            copy(archive.file(), payload);
        }

        Path changeHistory = targets.get(UpdateFileType.CHANGE_HISTORY);
        if (request.changeHistory().isPresent()) {
            copy(request.changeHistory().get(), changeHistory);
        } else {
            Files.writeString(
                    changeHistory,
                    ChangeHistoryText.generate(request.component(), request.version(), releaseDate, request.changes()));
        }

        Path readme = targets.get(UpdateFileType.README);
        if (request.readme().isPresent()) {
            copy(request.readme().get(), readme);
        } else {
            Files.writeString(
                    readme,
                    ReadmeText.generate(request.name(), request.description(), request.version(), request.fixId()));
        }

        Path descriptor = targets.get(UpdateFileType.DESCRIPTOR);
        DescriptorValues values = new DescriptorValues(
                request.fixId(),
                request.component(),
                request.version(),
                releaseDate,
                request.description(),
                payload.getFileName().toString(),
                Files.size(payload),
                sha256(payload),
                descriptor.getFileName().toString(),
                request.descriptorSettings());
        Files.write(descriptor, descriptor(request.descriptor(), values));
    }

    private static byte[] descriptor(DescriptorSource source, DescriptorValues values)
            throws PackagingException, IOException {
        byte[] document;
        String origin;
        if (source instanceof DescriptorSource.Template template) {
            document = DescriptorTemplate.fill(
                            readUtf8(template.file()), values.byPlaceholder(), values.listPlaceholders())
                    .getBytes(StandardCharsets.UTF_8);
            origin = "filled from the template " + template.file();
        } else if (source instanceof DescriptorSource.Ready ready) {
            document = Files.readAllBytes(ready.file());
            origin = ready.file().toString();
        } else {
            document = DescriptorXml.generate(values);
            origin = "generated";
        }
        Optional<String> problem = WellFormedXml.problemWith(document);
        if (problem.isPresent()) {
            throw new PackagingException(
                    "The descriptor (" + origin + ") is not well-formed XML: " + problem.get(),
                    "correct the XML at the place named");
        }
        return document;
    }

    /** Lists every configured input that is missing, so one run shows them all. */
    private static void requireInputs(PackageRequest request) throws PackagingException {
        List<String> missing = new ArrayList<>();
        if (request.payload() instanceof PayloadSource.Archive archive && !Files.isRegularFile(archive.file())) {
            missing.add("the payload file " + archive.file()
                    + (Files.isDirectory(archive.file())
                            ? " is a folder; set it as payloadDirectory to have it archived"
                            : " does not exist"));
        }
        if (request.payload() instanceof PayloadSource.Folder folder && !Files.isDirectory(folder.directory())) {
            missing.add("the payloadDirectory " + folder.directory() + " is not a folder");
        }
        request.changeHistory()
                .filter(file -> !Files.isRegularFile(file))
                .ifPresent(file -> missing.add("the changeHistory file " + file + " does not exist"));
        request.readme()
                .filter(file -> !Files.isRegularFile(file))
                .ifPresent(file -> missing.add("the readme file " + file + " does not exist"));
        if (request.descriptor() instanceof DescriptorSource.Template template
                && !Files.isRegularFile(template.file())) {
            missing.add("the descriptorTemplate " + template.file() + " does not exist");
        }
        if (request.descriptor() instanceof DescriptorSource.Ready ready && !Files.isRegularFile(ready.file())) {
            missing.add("the descriptor file " + ready.file() + " does not exist");
        }
        if (!missing.isEmpty()) {
            throw new PackagingException(
                    "Cannot package the update " + request.fixId() + ":\n  - " + String.join("\n  - ", missing),
                    "create the files named, or correct the parameters that name them");
        }
    }

    /**
     * Lenovo's parser splits {@code Version} at a space and keeps the second word, and reads a machine type
     * from the square brackets of each {@code applicableMachineTypes} value.
     */
    private static void requireDescriptorValues(PackageRequest request) throws PackagingException {
        DescriptorSettings settings = request.descriptorSettings();
        List<String> problems = new ArrayList<>();
        if (!isOneWord(request.version())) {
            problems.add("the version '" + request.version() + "' must be one word: Lenovo's Version property is"
                    + " '<build number> <version>'");
        }
        if (settings.buildNumber() != null && !isOneWord(settings.buildNumber())) {
            problems.add("lxca.buildNumber '" + settings.buildNumber() + "' must be one word: it is the first word of"
                    + " Lenovo's Version property");
        }
        settings.preReqs()
                .forEach(preReq ->
                        FixId.problemWith(preReq).ifPresent(problem -> problems.add("the preReq " + problem)));
        settings.machineTypes().stream()
                .filter(type -> !type.matches(".*\\[[^\\]]+\\].*"))
                .forEach(type -> problems.add("the applicableMachineType '" + type
                        + "' has no machine type in square brackets, such as" + " 'ThinkSystem SR650 [7X06]'"));
        if (!problems.isEmpty()) {
            throw new PackagingException(
                    "Cannot write the descriptor of " + request.fixId() + ":\n  - " + String.join("\n  - ", problems),
                    "set the parameters named above (lxca.version, lxca.buildNumber,"
                            + " lxca.preReqs, lxca.applicableMachineTypes) to values Lenovo's parser can read");
        }
    }

    private static boolean isOneWord(String text) {
        return text.matches("\\S+");
    }

    /** import-update sends every set in the folder, so a leftover from an earlier version would go too. */
    private void warnAboutOtherFiles(Path out, String fixId) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<String> others = files.map(path -> path.getFileName().toString())
                    .filter(name -> UpdateFileType.ofFileName(name).isPresent())
                    .filter(name -> !name.substring(0, name.lastIndexOf('.')).equals(fixId))
                    .sorted()
                    .toList();
            if (!others.isEmpty()) {
                warnings.accept(out + " also holds " + others + ", which lxca:import-update would import along with "
                        + fixId + "; remove them (mvn clean) unless that is intended");
            }
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        if (!source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes what this run wrote, never one of its inputs (a payload may already sit in the output folder). */
    private void removeWritten(Map<UpdateFileType, Path> targets, PackageRequest request) {
        Set<Path> inputs = new HashSet<>();
        if (request.payload() instanceof PayloadSource.Archive archive) {
            inputs.add(archive.file().toAbsolutePath().normalize());
        }
        request.changeHistory()
                .ifPresent(file -> inputs.add(file.toAbsolutePath().normalize()));
        request.readme().ifPresent(file -> inputs.add(file.toAbsolutePath().normalize()));
        if (request.descriptor() instanceof DescriptorSource.Ready ready) {
            inputs.add(ready.file().toAbsolutePath().normalize());
        }
        for (Path target : targets.values()) {
            if (inputs.contains(target.toAbsolutePath().normalize())) {
                continue;
            }
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                warnings.accept("Could not remove the incomplete " + target + ": " + describe(e));
            }
        }
    }

    private static String readUtf8(Path file) throws PackagingException, IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new PackagingException(
                    "The descriptorTemplate " + file + " is not UTF-8 text", "save it as UTF-8", e);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}

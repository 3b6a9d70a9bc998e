package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;
import static io.github.lxca.simulator.Replies.object;
import static io.github.lxca.simulator.Replies.success;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lxca.simulator.SimulatorState.Job;
import io.github.lxca.simulator.SimulatorState.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The updates repository's endpoints under {@code /managementServer/updates} (listing, size, readme and change
 * history, delete), and storing a completed job's files in it.
 */
final class Repository {
    static final String UPDATE_PATH = "/managementServer/updates/";

    private final SimulatorState state;
    private final SimulatorSettings settings;

    Repository(SimulatorState state, SimulatorSettings settings) {
        this.state = state;
        this.settings = settings;
    }

    /** {@code GET /managementServer/updates}: every fix id it lists, with its payload or without. */
    Reply list(Call call) {
        User user = call.user();
        if (user.has(Fault.LISTING_REFUSED)) {
            state.event("listing-refused " + user.name());
            return json(
                    403,
                    failure(
                            "FQXHMUP1403L",
                            "The user is not authorized to list the updates repository.",
                            "The user's role does not include the update manager.",
                            "Log in as a user with the LXCA Updates role."));
        }
        ObjectNode reply = user.has(Fault.LISTING_NESTED_STATUS) ? object() : success();
        ArrayNode updates = reply.putArray("updates");
        if (user.has(Fault.LISTING_NESTED_STATUS)) {
            ObjectNode status =
                    failure("FQXHMUP1001I", "The repository was read.", "", "").put("result", "informational");
            reply.set("status", status);
        }
        Map<String, String> statuses = new TreeMap<>();
        state.listedWithoutPayload.forEach(fixId -> statuses.put(fixId, "Not Downloaded"));
        state.repository.keySet().forEach(fixId -> statuses.put(fixId, "Downloaded"));
        statuses.forEach(
                (fixId, status) -> updates.addObject().put("fixid", fixId).put("status", status));
        return json(200, reply);
    }

    /**
     * {@code GET /managementServer/updates?key=size}: the repository's allotment and free space, in bytes
     * (the unit is our inference). 100 GiB in all, less what is stored.
     */
    Reply size(Call call) {
        User user = call.user();
        state.event("repository-size " + user.name());
        if (user.has(Fault.REPOSITORY_SIZE_UNKNOWN)) {
            return json(404, failure("FQXHMSE0404J", "The resource was not found.", "", ""));
        }
        long allotment = 100L * 1024 * 1024 * 1024;
        long used = state.repository.values().stream()
                .flatMap(update -> update.files().stream())
                .mapToLong(ReceivedFile::size)
                .sum();
        long free = user.has(Fault.REPOSITORY_FULL) ? 100 : allotment - used;
        return json(200, object().put("allotment", allotment).put("freeSpace", free));
    }

    /**
     * {@code DELETE /managementServer/updates/<fixid>}: removes the payload and keeps the fix id listed without
     * it, or, with {@code key=removeMetadata}, removes the listing too.
     */
    Reply delete(Call call) {
        String fixId = call.pathAfter(UPDATE_PATH);
        if (call.user().has(Fault.DELETE_REFUSED)) {
            state.event("delete-refused " + fixId + " " + call.user().name());
            return json(
                    403,
                    failure(
                            "FQXHMUP2403L",
                            "The user is not authorized to delete " + fixId + " from the repository.",
                            "The user's role does not include the update manager.",
                            "Log in as a user with the LXCA Updates role."));
        }
        boolean removeMetadata = "removeMetadata".equals(call.query("key"));
        boolean listed = state.listedWithoutPayload.contains(fixId);
        if (state.repository.remove(fixId) == null && !(removeMetadata && listed)) {
            return json(404, failure("FQXHMUP2404L", "The update " + fixId + " is not in the repository.", "", ""));
        }
        state.texts.keySet().removeIf(fileName -> fileName.startsWith(fixId + "."));
        if (removeMetadata) {
            state.listedWithoutPayload.remove(fixId);
        } else {
            state.listedWithoutPayload.add(fixId);
        }
        state.event("deleted " + fixId + " " + call.user().name());
        return json(200, success());
    }

    /**
     * {@code GET /managementServer/updates/<fixid>?filetype=readme|changeHistory} (older pylxca sends {@code type=}):
     * the stored {@code .txt} or {@code .chg} as it was uploaded. Verbatim as {@code text/plain} to a client whose
     * Accept names a text type first; to any other, in a JSON reply with the text in {@code content}, since
     * Lenovo's Python client parses every reply as JSON. That envelope is the simulator's own: no source shows
     * what LXCA wraps the text in (inferred).
     */
    Reply text(Call call) {
        String fixId = call.pathAfter(UPDATE_PATH);
        String fileType = call.query("filetype") != null ? call.query("filetype") : call.query("type");
        String extension = switch (fileType) {
            case "readme" -> ".txt";
            case "changeHistory" -> ".chg";
            default -> null;
        };
        if (extension == null) {
            return json(
                    400,
                    failure(
                            "FQXHMUP2402L",
                            "The file type " + fileType + " is not valid.",
                            "The file types are readme and changeHistory.",
                            ""));
        }
        byte[] content = state.repository.containsKey(fixId) ? state.texts.get(fixId + extension) : null;
        if (content == null) {
            return json(
                    404,
                    failure(
                            "FQXHMUP2404L",
                            "The update " + fixId + " has no " + fileType + " in the repository.",
                            "",
                            ""));
        }
        state.event("text " + fixId + " " + fileType + " " + call.user().name());
        if (asksForTextFirst(call.request().getHeaders().get(HttpHeader.ACCEPT))) {
            return new Reply(200, "text/plain;charset=UTF-8", content, List.of());
        }
        return json(
                200,
                success()
                        .put("fixid", fixId)
                        .put("filetype", fileType)
                        .put("fileName", fixId + extension)
                        .put("content", new String(content, StandardCharsets.UTF_8)));
    }

    private static boolean asksForTextFirst(String accept) {
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("text/");
    }

    /** Stores a completed job's files, one update per fix id. */
    void store(Job job) {
        Map<String, List<ReceivedFile>> byFixId = new TreeMap<>();
        for (ReceivedFile file : job.received) {
            String fixId = file.fileName().substring(0, file.fileName().lastIndexOf('.'));
            byFixId.computeIfAbsent(fixId, id -> new ArrayList<>()).add(file);
        }
        byFixId.forEach((fixId, files) -> {
            keepFiles(job.id, fixId, files);
            state.repository.put(fixId, new StoredUpdate(fixId, job.id, job.creator.name(), List.copyOf(files)));
            files.stream()
                    .map(ReceivedFile::fileName)
                    .filter(name -> name.endsWith(".txt") || name.endsWith(".chg"))
                    .filter(job.texts::containsKey)
                    .forEach(name -> state.texts.put(name, job.texts.get(name)));
            state.listedWithoutPayload.remove(fixId);
            state.event("stored " + fixId + " job " + job.id);
        });
    }

    /** Moves a stored update's uploaded files from the job's folder to {@code <repository>/<fixid>/}. */
    private void keepFiles(String jobId, String fixId, List<ReceivedFile> files) {
        if (settings.repositoryDirectory() == null) {
            return;
        }
        try {
            Path target = Files.createDirectories(settings.repositoryDirectory().resolve(fixId));
            for (ReceivedFile file : files) {
                Path uploaded = settings.uploadsOf(jobId).resolve(file.fileName());
                if (Files.exists(uploaded)) {
                    Files.move(uploaded, target.resolve(file.fileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

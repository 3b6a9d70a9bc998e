package io.github.lxca.simulator;

import static io.github.lxca.simulator.Replies.drain;
import static io.github.lxca.simulator.Replies.failure;
import static io.github.lxca.simulator.Replies.json;
import static io.github.lxca.simulator.Replies.success;

import io.github.lxca.simulator.SimulatorState.DeclaredFile;
import io.github.lxca.simulator.SimulatorState.Job;
import io.github.lxca.simulator.SimulatorState.Phase;
import io.github.lxca.simulator.SimulatorState.User;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /files/managementServer/updates?action=import&jobid=<id>}: takes a job's files with Jetty's
 * multipart parser, checks each part against what the job declared, and hands the job on to its task.
 */
final class Uploads {
    /** The most of a descriptor, readme or change history kept in memory, to read it or serve it back. */
    private static final int MAX_TEXT_BYTES = 1024 * 1024;

    private final SimulatorState state;
    private final SimulatorSettings settings;
    private final CountingSink sink;

    Uploads(SimulatorState state, SimulatorSettings settings) {
        this.state = state;
        this.settings = settings;
        this.sink = new CountingSink(state, settings.timelineStep());
    }

    Reply receive(Call call) throws Exception {
        Request request = call.request();
        User user = call.user();
        String jobId = call.query("jobid");
        Job job = jobId == null ? null : state.jobs.get(jobId);
        if (job == null) {
            return json(
                    404,
                    failure(
                            "FQXHMUP2004L",
                            "The job " + jobId + " does not exist.",
                            "",
                            "Create an import job first."));
        }
        if (!job.creator.name().equals(user.name())) {
            state.event("upload-refused " + jobId + " " + user.name());
            return json(
                    403,
                    failure(
                            "FQXHMUP2005L",
                            "The user " + user.name() + " cannot use job " + jobId + ".",
                            "Only the user that created an import job may upload its files.",
                            "Create a job as this user."));
        }
        if ("Cancelled".equals(job.state)) {
            drain(request);
            return json(409, failure("FQXHMUP2009L", "The job " + jobId + " was cancelled.", "", "Create a new job."));
        }
        if (job.phase != Phase.CREATED) {
            return json(
                    409,
                    failure(
                            "FQXHMUP2006L",
                            "The job " + jobId + " has already received its files.",
                            "",
                            "Create a new job."));
        }
        boolean storeAnyway = user.has(Fault.UPLOAD_DROPPED_BUT_STORED)
                && state.occurrence(user, Fault.UPLOAD_DROPPED_BUT_STORED) == 0;
        if (user.has(Fault.UPLOAD_DROPPED)
                || user.has(Fault.UPLOAD_DROPPED_ONCE) && state.occurrence(user, Fault.UPLOAD_DROPPED_ONCE) == 0
                || storeAnyway) {
            try (InputStream in = Content.Source.asInputStream(request)) {
                in.readNBytes(1024);
            }
            if (storeAnyway) {
                job.files.stream()
                        .map(DeclaredFile::fixId)
                        .distinct()
                        .forEach(fixId -> state.repository.put(
                                fixId, new StoredUpdate(fixId, "elsewhere", user.name(), List.of())));
            }
            state.event("upload-dropped " + jobId + " " + user.name());
            return Reply.DROPPED;
        }
        for (DeclaredFile file : job.files) {
            if (!settings.countingSink()
                    && state.repository.containsKey(file.fixId())) { // a sink takes the same set again and again
                drain(request);
                return json(
                        409,
                        failure(
                                "FQXHMUP2011L",
                                "The update " + file.fixId() + " is already in the repository.",
                                "An update with the same fix id was imported before.",
                                "Delete the update from the repository, then import it again."));
            }
        }
        Optional<Reply> injected = UploadFaults.injected(user);
        if (injected.isPresent()) {
            drain(request);
            state.event("upload-failed " + jobId + " " + user.name());
            return injected.get();
        }
        List<ReceivedFile> received = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            return json(
                    400,
                    failure(
                            "FQXHMUP2007L",
                            "The upload is not multipart/form-data.",
                            "Content-Type: " + contentType,
                            ""));
        }
        if (settings.countingSink()) {
            return sink.count(request, job, user);
        }
        MultiPartConfig config = new MultiPartConfig.Builder()
                .location(settings.workDirectory())
                .maxMemoryPartSize(64 * 1024)
                .maxParts(64)
                .maxPartSize(-1)
                .maxSize(-1)
                .build();
        Map<String, byte[]> texts = new TreeMap<>();
        try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request, contentType, config)) {
            // A file is a part with a file name, whatever the part is called: Lenovo's page names them
            // uploadedfiles[] and uploadedfile, pylxca uploadedfile[], Lenovo's Ruby client file_1, file_2, ...
            List<MultiPart.Part> files = new ArrayList<>();
            parts.forEach(part -> {
                if (part.getFileName() != null) {
                    files.add(part);
                }
            });
            if (files.size() != job.files.size()) {
                problems.add("the job declares " + job.files.size() + " files but the upload has " + files.size()
                        + " parts with a file name");
            }
            for (int index = 0; index < files.size(); index++) {
                ReceivedFile file = receivePart(files.get(index), jobId, texts);
                received.add(file);
                if (index < job.files.size()) {
                    problems.addAll(mismatches(job.files.get(index), file, index));
                }
            }
        }
        ExchangeLog.parts(request, received);
        if (!problems.isEmpty()) {
            state.event("upload-invalid " + jobId + " " + problems);
            return json(
                    400,
                    failure(
                            "FQXHMUP2008L",
                            "The uploaded files do not match the import job.",
                            String.join("; ", problems),
                            "Upload exactly the files declared in the job."));
        }
        if (user.has(Fault.STRICT_DESCRIPTORS)) {
            Optional<Reply> refused = readDescriptors(job, received, texts);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        job.received = List.copyOf(received);
        job.texts = Map.copyOf(texts);
        job.phase = Phase.UPLOADED;
        state.event("upload " + jobId + " " + user.name());
        if (user.has(Fault.UPLOAD_REPLY_LOST) && state.occurrence(user, Fault.UPLOAD_REPLY_LOST) == 0) {
            job.polls = -1; // just started: the next poll shows it Running at 0 %
            return Reply.DROPPED;
        }
        return user.has(Fault.TRICKLE_UPLOAD_REPLY) ? json(201, success()).trickled() : json(201, success());
    }

    /**
     * Reads each set's descriptor as Lenovo's parser would; refuses the upload, in LXCA's words, at the first
     * set LXCA could not take. Records {@code descriptor-read <xml> Version=<value>} for each one it takes.
     */
    private Optional<Reply> readDescriptors(Job job, List<ReceivedFile> received, Map<String, byte[]> descriptors)
            throws Exception {
        Set<String> uploaded = new TreeSet<>();
        received.forEach(file -> uploaded.add(file.fileName()));
        for (String fixId :
                job.files.stream().map(DeclaredFile::fixId).distinct().toList()) {
            String xmlName = fixId + ".xml";
            byte[] xml = descriptors.get(xmlName);
            Optional<String> refusal = xml == null
                    ? Optional.of("The descriptor " + xmlName + " was not uploaded.")
                    : LenovoPackageReader.refusal(xmlName, xml, uploaded);
            if (refusal.isPresent()) {
                state.event("upload-refused-descriptor " + job.id + " " + job.creator.name() + " " + refusal.get());
                return Optional.of(json(
                        400,
                        failure(
                                "FQXHMUP2013L",
                                "The update package " + fixId + " is not valid.",
                                refusal.get(),
                                "Import an update package as it was downloaded from Lenovo.")));
            }
            state.event("descriptor-read " + xmlName + " Version="
                    + LenovoPackageReader.parse(xml).orElseThrow().first("Version"));
        }
        return Optional.empty();
    }

    /**
     * Streams one part through its digest, into the job's folder when a repository keeps files; keeps a descriptor,
     * readme or change history in {@code texts} by its file name.
     */
    private ReceivedFile receivePart(MultiPart.Part part, String jobId, Map<String, byte[]> texts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long size = 0;
        Path keep = null;
        if (settings.repositoryDirectory() != null
                && part.getFileName() != null
                && !part.getFileName().contains("/")
                && !part.getFileName().contains("..")) {
            String fileName = part.getFileName();
            keep = settings.uploadsOf(jobId).resolve(fileName);
            Files.createDirectories(keep.getParent());
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean isText = part.getFileName() != null && part.getFileName().matches(".*\\.(xml|txt|chg)");
        try (InputStream in = Content.Source.asInputStream(part.createContentSource());
                var out = keep == null ? java.io.OutputStream.nullOutputStream() : Files.newOutputStream(keep)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (isText && text.size() < MAX_TEXT_BYTES) {
                    text.write(buffer, 0, n);
                }
                size += n;
            }
        }
        if (isText) {
            texts.put(part.getFileName(), text.toByteArray());
        }
        return new ReceivedFile(
                part.getName(),
                part.getFileName(),
                part.getHeaders().get(HttpHeader.CONTENT_TYPE),
                size,
                HexFormat.of().formatHex(digest.digest()));
    }

    private static List<String> mismatches(DeclaredFile declared, ReceivedFile received, int index) {
        List<String> problems = new ArrayList<>();
        String where = "part " + index;
        if (!declared.name().equals(received.fileName())) {
            problems.add(where + " has file name '" + received.fileName() + "' but the job declares '" + declared.name()
                    + "'");
        }
        if (declared.size() != received.size()) {
            problems.add(where + " has " + received.size() + " bytes but the job declares " + declared.size());
        }
        String expectedType = contentTypeFor(declared.name());
        if (!expectedType.equals(received.contentType())) {
            problems.add(where + " has Content-Type '" + received.contentType() + "', expected '" + expectedType + "'");
        }
        return problems;
    }

    static String contentTypeFor(String fileName) {
        String extension = fileName.substring(fileName.lastIndexOf('.') + 1);
        return switch (extension) {
            case "chg" -> "application/octet-stream";
            case "tgz" -> "application/x-compressed";
            case "txt" -> "text/plain";
            case "xml" -> "text/xml";
            default -> "?";
        };
    }
}

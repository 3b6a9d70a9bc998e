package io.github.lxca.client;

import io.github.lxca.update.UpdateFile;
import java.util.List;
import java.util.stream.IntStream;

/** The JSON bodies the client sends whose shape is known, bound by Jackson from these records. */
final class RequestBodies {
    private RequestBodies() {}

    /** {@code POST /managementServer/updates?action=import}: the files of the job, in upload order. */
    record CreateJob(List<JobFile> files) {
        static CreateJob of(List<UpdateFile> files) {
            return new CreateJob(IntStream.range(0, files.size())
                    .mapToObj(index -> {
                        UpdateFile file = files.get(index);
                        return new JobFile(index, file.name(), file.size(), file.contentType());
                    })
                    .toList());
        }
    }

    /** One file of {@link CreateJob}. */
    record JobFile(int index, String name, long size, String type) {}

    /** {@code PUT /managementServer/updates?action=apply}: the one update to apply. */
    record Apply(List<String> fixids) {
        static Apply of(String fixId) {
            return new Apply(List.of(fixId));
        }
    }

    /** {@code PUT /tasks}: cancel these jobs. */
    record Cancel(String action, List<String> list) {
        static Cancel of(String jobId) {
            return new Cancel("cancel", List.of(jobId));
        }
    }
}

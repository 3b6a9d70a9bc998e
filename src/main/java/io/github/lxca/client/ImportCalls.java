package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.lxca.client.Call.Retry;
import io.github.lxca.client.Call.Session;
import io.github.lxca.update.UpdateFile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;

/** The calls of an import job: create it, upload its files, read its task, list every task, cancel a job. */
final class ImportCalls {
    /** A task poll is a small read; a longer read timeout is for the upload's reply. */
    static final Duration POLL_TIMEOUT = Duration.ofSeconds(60);

    private static final List<String> UPDATES = List.of("managementServer", "updates");

    private final LxcaSession session;
    private final HttpTransport http;
    /** How long one task poll waits for its reply: {@link #POLL_TIMEOUT}, shorter in tests. */
    private final Duration pollTimeout;

    ImportCalls(LxcaSession session, Duration pollTimeout) {
        this.session = session;
        this.http = session.http();
        this.pollTimeout = pollTimeout;
    }

    String createImportJob(List<UpdateFile> files) throws LxcaException {
        RequestBodies.CreateJob body = RequestBodies.CreateJob.of(files);
        Reply reply = session.exchange("create the import job", null, Retry.NEVER, Session.RENEW_ON_401, () -> {
            HttpPost post = new HttpPost(http.url(UPDATES, "action", "import"));
            post.setEntity(session.json(body));
            return post;
        });
        session.accept(reply, "create the import job", null);
        String jobId = JobIds.in(reply.json());
        if (jobId == null) {
            throw ErrorTranslator.noJobId(reply);
        }
        return JobIds.require(jobId, "create the import job");
    }

    void upload(String jobId, List<UpdateFile> files, UploadListener listener) throws LxcaException {
        Reply reply = session.exchange("upload the update files", jobId, Retry.NEVER, Session.RENEW_ON_401, () -> {
            HttpPost post = new HttpPost(
                    http.url(List.of("files", "managementServer", "updates"), "action", "import", "jobid", jobId));
            post.setEntity(UploadBody.of(files, listener));
            return post;
        });
        session.accept(reply, "upload the update files", jobId);
    }

    void cancelJob(String jobId) throws LxcaException {
        String operation = "cancel job " + jobId;
        RequestBodies.Cancel body = RequestBodies.Cancel.of(jobId);
        Reply reply = session.exchange(operation, jobId, Retry.SAFE, Session.RENEW_ON_401, () -> {
            HttpPut put = new HttpPut(http.url(List.of("tasks")));
            put.setEntity(session.json(body));
            return put;
        });
        session.accept(reply, operation, jobId);
    }

    boolean cancelJobOnce(String jobId) {
        RequestBodies.Cancel body = RequestBodies.Cancel.of(jobId);
        try {
            Reply reply = session.exchange("cancel job " + jobId, jobId, Retry.NEVER, Session.NONE, () -> {
                HttpPut put = new HttpPut(http.url(List.of("tasks")));
                put.setEntity(session.json(body));
                return http.within(session.logoutTimeout(), put);
            });
            return ErrorTranslator.isSuccess(reply);
        } catch (LxcaException | RuntimeException e) {
            return false;
        }
    }

    Task task(String jobId, Supplier<Duration> left) throws LxcaException {
        String operation = "read the state of job " + jobId;
        Reply reply = session.exchange(
                new Call(
                        operation,
                        jobId,
                        Retry.SAFE,
                        Session.RENEW_ON_401,
                        () -> http.within(pollTimeout, new HttpGet(taskUrl(http, jobId)))),
                left);
        session.accept(reply, operation, jobId);
        return taskFrom(reply, operation, jobId);
    }

    /** A job's task with its child tasks, as Lenovo's Python client asks for it. */
    static URI taskUrl(HttpTransport http, String jobId) {
        return http.url(List.of("tasks", jobId), "includeChildren", "true");
    }

    /** The job's task in a reply that LXCA accepted: a task list, or one task. */
    static Task taskFrom(Reply reply, String operation, String jobId) throws LxcaProtocolException {
        JsonNode json = reply.json();
        JsonNode list = json != null && json.isArray()
                ? json
                : json != null && json.isObject()
                        ? JsonNodeFactory.instance.arrayNode().add(json)
                        : null;
        if (list == null) {
            throw ErrorTranslator.notATaskList(reply, operation, jobId);
        }
        for (JsonNode node : list) {
            Task task = Task.from(node);
            if (jobId.equals(task.id()) || (task.id() == null && list.size() == 1)) {
                return task;
            }
        }
        throw ErrorTranslator.taskMissing(reply, jobId);
    }

    Optional<List<Task>> allTasks() throws LxcaException {
        String operation = "list LXCA's tasks";
        Reply reply = session.exchange(
                operation, null, Retry.SAFE, Session.RENEW_ON_401, () -> new HttpGet(http.url(List.of("tasks"))));
        JsonNode json = reply.json();
        if (!ErrorTranslator.isSuccess(reply) || json == null) {
            return Optional.empty();
        }
        JsonNode list = json.isArray() ? json : json.path("response");
        if (!list.isArray()) {
            return Optional.empty();
        }
        List<Task> tasks = new ArrayList<>();
        list.forEach(node -> tasks.add(Task.from(node)));
        return Optional.of(tasks);
    }
}

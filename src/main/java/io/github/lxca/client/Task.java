package io.github.lxca.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One LXCA task (job) as {@code GET /tasks/{id}} reports it, with its child tasks. */
public record Task(
        String id, String name, String rawState, int percentage, List<LxcaMessage> messages, List<Task> children) {

    public Task {
        messages = List.copyOf(messages);
        children = List.copyOf(children);
    }

    public TaskState state() {
        return TaskState.of(rawState);
    }

    /**
     * The outcome that counts: a task that has ended fails when it or any child task failed, even if
     * it says Complete itself.
     */
    public TaskState outcome() {
        TaskState own = state();
        if (!own.isTerminal()) {
            return own;
        }
        return own == TaskState.FAILED || failedDescendant().isPresent() ? TaskState.FAILED : TaskState.SUCCEEDED;
    }

    /** The first child task, at any depth, that ended in a failed state. */
    public Optional<Task> failedDescendant() {
        for (Task child : children) {
            if (child.state() == TaskState.FAILED) {
                return Optional.of(child);
            }
            Optional<Task> deeper = child.failedDescendant();
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /** This task's messages and those of all its children, in tree order. */
    public List<LxcaMessage> allMessages() {
        List<LxcaMessage> all = new ArrayList<>(messages);
        children.forEach(child -> all.addAll(child.allMessages()));
        return all;
    }

    /**
     * The first candidate ({@code status} as text, {@code status.state}, {@code taskState}) that holds a known
     * state: a free-text {@code status} such as "Importing x" must not hide a known {@code taskState}. When no
     * candidate is known, the first one present, so that it can be shown as it came.
     */
    private static String stateOf(JsonNode node) {
        JsonNode status = node.path("status");
        List<String> candidates = Stream.of(
                        status.isValueNode() ? status : MissingNode.getInstance(),
                        status.path("state"),
                        node.path("taskState"))
                .filter(JsonNode::isValueNode)
                .map(value -> value.asText().strip())
                .filter(text -> !text.isEmpty())
                .toList();
        return candidates.stream()
                .filter(candidate -> TaskState.of(candidate) != TaskState.UNKNOWN)
                .findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    /**
     * Whether the task names the fix id in its name, its state text, its messages or its steps: how an import of it
     * is recognised in {@code GET /tasks} (inferred: no Lenovo source shows an import job's name).
     */
    public boolean mentions(String fixId) {
        return name.contains(fixId)
                || rawState.contains(fixId)
                || messages.stream().anyMatch(m -> m.text().contains(fixId))
                || children.stream().anyMatch(child -> child.mentions(fixId));
    }

    /** Reads one task object in any of the shapes LXCA is known to send. */
    static Task from(JsonNode node) {
        JsonNode status = node.path("status");
        String state = stateOf(node);
        JsonNode percent = node.has("percentage") ? node.path("percentage") : status.path("percentage");
        List<LxcaMessage> messages = new ArrayList<>();
        LxcaMessage.collect(node.path("messages"), messages);
        List<Task> children = new ArrayList<>();
        node.path("children").forEach(child -> children.add(from(child)));
        String id = JsonFields.firstText(node, "jobUID", "id", "taskid", "jobid");
        return new Task(
                ServerText.clean(id),
                ServerText.clean(node.path("name").asText("")),
                ServerText.clean(state),
                (int) Math.round(percent.asDouble(0)),
                messages,
                children);
    }
}

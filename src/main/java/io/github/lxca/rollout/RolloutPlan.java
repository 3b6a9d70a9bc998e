package io.github.lxca.rollout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order of a staged rollout: the canary appliances first, then waves of at most {@code parallelism}
 * appliances, in the order the appliances were listed.
 *
 * @param stages the canary stage first (when there is one), then each wave; each a list of appliance names
 * @param labels one label per stage: {@code canary}, {@code wave 1}, ...
 */
public record RolloutPlan(List<List<String>> stages, List<String> labels) {

    public RolloutPlan {
        stages = stages.stream().map(List::copyOf).toList();
        labels = List.copyOf(labels);
    }

    /**
     * @param canary how many of the first appliances form the canary, or the names of the canary appliances
     *     (comma-separated); {@code 0} for none
     * @throws IllegalArgumentException naming what is wrong with {@code canary} or {@code parallelism}
     */
    public static RolloutPlan of(List<String> appliances, String canary, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("lxca.parallelism must be 1 or more, not " + parallelism);
        }
        Set<String> canaries = new LinkedHashSet<>();
        String given = canary == null ? "1" : canary.strip();
        if (given.matches("\\d+")) {
            int count = Integer.parseInt(given);
            if (count > appliances.size()) {
                throw new IllegalArgumentException(
                        "lxca.canary is " + count + ", but <servers> lists only " + appliances.size() + " LXCAs");
            }
            canaries.addAll(appliances.subList(0, count));
        } else {
            for (String name : given.split(",", -1)) {
                String wanted = name.strip();
                if (!appliances.contains(wanted)) {
                    throw new IllegalArgumentException("lxca.canary names '" + wanted + "', which is no <server>"
                            + " entry; the entries are " + String.join(", ", appliances));
                }
                canaries.add(wanted);
            }
        }
        List<List<String>> stages = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (!canaries.isEmpty()) {
            stages.add(List.copyOf(canaries));
            labels.add("canary");
        }
        List<String> rest =
                appliances.stream().filter(name -> !canaries.contains(name)).toList();
        for (int from = 0; from < rest.size(); from += parallelism) {
            stages.add(rest.subList(from, Math.min(rest.size(), from + parallelism)));
            labels.add("wave " + (stages.size() - (canaries.isEmpty() ? 0 : 1)));
        }
        return new RolloutPlan(stages, labels);
    }

    /** The plan in one line per stage, for the log. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        for (int index = 0; index < stages.size(); index++) {
            lines.add("  " + labels.get(index) + ": " + String.join(", ", stages.get(index)));
        }
        return String.join("\n", lines);
    }

    /** How many waves follow the canary. */
    public int waves() {
        return (int) labels.stream().filter(label -> label.startsWith("wave")).count();
    }

    /** The stage label of an appliance. */
    public String stageOf(String name) {
        for (int index = 0; index < stages.size(); index++) {
            if (stages.get(index).contains(name)) {
                return labels.get(index);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Override
    public String toString() {
        return stages.stream().map(stage -> String.join(",", stage)).collect(Collectors.joining(" | "));
    }
}

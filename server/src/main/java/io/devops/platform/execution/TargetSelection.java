package io.devops.platform.execution;

import io.devops.platform.execution.run.RunOptions;
import io.devops.platform.execution.run.RunOptions.Selector;
import io.devops.platform.execution.run.RunOptionsStore.SkippedNode;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.Resolution;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.job.JobParameter;
import io.devops.platform.job.JobVersion;
import io.devops.platform.job.JobVersion.JobItem;
import io.devops.platform.job.JobVersion.Target;
import io.devops.platform.job.JobVersion.TargetType;
import io.devops.platform.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which nodes a start of a job runs on: each item's targets resolved now, narrowed by the start's
 * {@code limit} and {@code exclude}, with each remaining node's lock. A bad option (a node or pool
 * that does not exist or that the job does not target, a limit that leaves no node, an extra
 * variable the job does not declare or of the wrong type) is refused naming it.
 */
@Component
class TargetSelection {

    private final NodeTargets targets;

    TargetSelection(NodeTargets targets) {
        this.targets = targets;
    }

    /** The job's nodes for this start; {@code problems} are missing targets (a plain start refuses those, as always). */
    Selection select(JobVersion job, RunOptions options) {
        checkReferences(options.limit(), "limit");
        checkReferences(options.exclude(), "exclude");
        List<ItemNodes> items = new ArrayList<>();
        for (JobItem item : job.items()) {
            items.add(new ItemNodes(item, targets.resolve(ids(item.targets(), TargetType.NODE), ids(item.targets(), TargetType.NODE_POOL))));
        }
        if (options.limit().isEmpty() && options.exclude().isEmpty()) {
            return new Selection(items, false);
        }
        Set<Long> all = new LinkedHashSet<>();
        items.forEach(item -> item.resolution().nodes().forEach(node -> all.add(node.id())));
        Set<Long> limited = options.limit().isEmpty() ? all : matching(options.limit(), all, items);
        Set<Long> excluded = matching(options.exclude(), all, items);
        notTargeted(options.limit(), items, "limit", job);
        List<ItemNodes> chosen = new ArrayList<>();
        for (ItemNodes item : items) {
            List<TargetNode> kept = item.resolution().nodes().stream()
                    .filter(node -> limited.contains(node.id()) && !excluded.contains(node.id())).toList();
            if (!kept.isEmpty() || item.resolution().nodes().isEmpty()) {
                Map<Long, String> locks = new LinkedHashMap<>(item.resolution().locks());
                locks.keySet().retainAll(kept.stream().map(TargetNode::id).toList());
                List<String> problems = new ArrayList<>(item.resolution().missing());
                problems.addAll(new LinkedHashSet<>(locks.values()));
                chosen.add(new ItemNodes(item.item(), new Resolution(kept, problems, item.resolution().missing(), locks)));
            }
        }
        if (chosen.stream().allMatch(item -> item.resolution().nodes().isEmpty())) {
            throw new InvalidInputException(options.limit().isEmpty() ? "exclude" : "limit", "the limit and exclusions leave no node to run on:"
                    + " job " + job.name() + " targets " + all.size() + " node(s), " + limited.size() + " within the limit, "
                    + excluded.size() + " excluded");
        }
        return new Selection(chosen, true);
    }

    /**
     * Each extra variable checked against the job's declared parameters and given its type; the
     * declared defaults fill in what the start left out; a required one still missing is refused.
     */
    static Map<String, Object> checkedExtraVars(JobVersion job, Map<String, Object> given) {
        Map<String, JobParameter> declared = new LinkedHashMap<>();
        job.parameters().forEach(parameter -> declared.put(parameter.name(), parameter));
        for (String name : given.keySet()) {
            if (!declared.containsKey(name)) {
                throw new InvalidInputException("extraVars." + name, declared.isEmpty()
                        ? "job " + job.name() + " declares no parameters: add '" + name + "' to the job's parameters first"
                        : "job " + job.name() + " declares no parameter '" + name + "'; it declares " + String.join(", ", declared.keySet()));
            }
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        for (JobParameter parameter : declared.values()) {
            Object value = given.containsKey(parameter.name()) ? given.get(parameter.name()) : parameter.defaultValue();
            if (value == null) {
                if (parameter.required()) {
                    throw new InvalidInputException("extraVars." + parameter.name(), "'" + parameter.name() + "' is required by job " + job.name());
                }
                continue;
            }
            checked.put(parameter.name(), parameter.accept(value, "extraVars." + parameter.name()));
        }
        return checked;
    }

    private void checkReferences(Selector selector, String field) {
        Set<Long> nodes = targets.existing(selector.nodeIds());
        selector.nodeIds().stream().filter(id -> id == null || !nodes.contains(id)).findFirst().ifPresent(id -> {
            throw new InvalidInputException(field + ".nodeIds", "node " + id + " does not exist");
        });
        Set<Long> pools = targets.existingPools(selector.poolIds());
        selector.poolIds().stream().filter(id -> id == null || !pools.contains(id)).findFirst().ifPresent(id -> {
            throw new InvalidInputException(field + ".poolIds", "node pool " + id + " does not exist");
        });
        selector.labels().forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null || value.isBlank()) {
                throw new InvalidInputException(field + ".labels", "each label is a key and a value, neither blank");
            }
        });
    }

    /** A node the limit names directly must be one the job targets: a limit narrows the job, it never adds to it. */
    private static void notTargeted(Selector limit, List<ItemNodes> items, String field, JobVersion job) {
        Set<Long> targeted = new HashSet<>();
        Set<Long> pools = new HashSet<>();
        items.forEach(item -> item.resolution().nodes().forEach(node -> {
            targeted.add(node.id());
            pools.add(node.nodePoolId());
        }));
        limit.nodeIds().stream().filter(id -> !targeted.contains(id)).findFirst().ifPresent(id -> {
            throw new InvalidInputException(field + ".nodeIds", "node " + id + " is not a target of job " + job.name()
                    + ": a limit can only narrow the job's nodes");
        });
        limit.poolIds().stream().filter(id -> !pools.contains(id)).findFirst().ifPresent(id -> {
            throw new InvalidInputException(field + ".poolIds", "no node of pool " + id + " is a target of job " + job.name());
        });
    }

    private Set<Long> matching(Selector selector, Set<Long> candidates, List<ItemNodes> items) {
        Set<Long> matched = new LinkedHashSet<>();
        if (selector.isEmpty()) {
            return matched;
        }
        Set<Long> pools = new HashSet<>(selector.poolIds());
        items.forEach(item -> item.resolution().nodes().stream()
                .filter(node -> selector.nodeIds().contains(node.id()) || pools.contains(node.nodePoolId()))
                .forEach(node -> matched.add(node.id())));
        if (!selector.labels().isEmpty()) {
            matched.addAll(targets.carrying(candidates, selector.labels()));
        }
        return matched;
    }

    private static List<Long> ids(List<Target> targets, TargetType type) {
        return targets.stream().filter(target -> target.type() == type).map(Target::id).toList();
    }

    /** One job item and the nodes it runs on in this start, with their locks. */
    record ItemNodes(JobItem item, Resolution resolution) {
    }

    /**
     * The items of this start. {@code narrowed}: a limit or exclusion applied (an item left with no
     * node is not run); otherwise every item as the job has it.
     */
    record Selection(List<ItemNodes> items, boolean narrowed) {

        /** Every node of the start with its lock (null when free), each once, in item order. */
        Map<TargetNode, String> nodes() {
            Map<Long, TargetNode> byId = new LinkedHashMap<>();
            Map<TargetNode, String> locks = new LinkedHashMap<>();
            for (ItemNodes item : items) {
                for (TargetNode node : item.resolution().nodes()) {
                    if (byId.putIfAbsent(node.id(), node) == null) {
                        locks.put(node, item.resolution().locks().get(node.id()));
                    }
                }
            }
            return locks;
        }

        /** The same items without their locked nodes (skipLocked), and the nodes so skipped. */
        Selection withoutLocked(List<SkippedNode> skipped) {
            Map<Long, SkippedNode> seen = new LinkedHashMap<>();
            List<ItemNodes> free = new ArrayList<>();
            for (ItemNodes item : items) {
                Resolution resolution = item.resolution();
                resolution.locks().forEach((id, lock) -> resolution.nodes().stream().filter(node -> node.id() == id).findFirst()
                        .ifPresent(node -> seen.putIfAbsent(id, new SkippedNode(id, node.ip(), node.hostname(), "skipped: " + lock))));
                List<TargetNode> unlocked = resolution.nodes().stream().filter(node -> !resolution.locks().containsKey(node.id())).toList();
                if (!unlocked.isEmpty() || resolution.nodes().isEmpty()) {
                    free.add(new ItemNodes(item.item(), new Resolution(unlocked, resolution.missing(), resolution.missing(), Map.of())));
                }
            }
            skipped.addAll(seen.values());
            return new Selection(free, narrowed);
        }
    }
}

package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.PlaybookOutcome;
import io.devops.platform.ansible.PlaybookOutcome.RefusedHostKey;
import io.devops.platform.ansible.PlaybookRun.HostKey;
import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunStatus;
import io.devops.platform.inventory.NodeHostKeys;
import io.devops.platform.inventory.NodeHostKeys.OfferedKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The run's side of SSH host key checking: each node's recorded keys go to ssh (read afresh for
 * every playbook, so a step sees the keys an earlier one recorded), keys learned on a first
 * contact are recorded, and a node that showed another key fails with what to do about it.
 */
@Component
class HostKeyRecords {

    private static final Logger log = LoggerFactory.getLogger(HostKeyRecords.class);

    private final NodeHostKeys keys;

    HostKeyRecords(NodeHostKeys keys) {
        this.keys = keys;
    }

    /** The recorded keys of these nodes, by node id (absent: none recorded yet). */
    Map<Long, List<NodeHostKeys.HostKey>> recorded(List<RunNode> nodes) {
        return keys.of(nodes.stream().map(RunNode::nodeId).toList());
    }

    static List<HostKey> forSsh(List<NodeHostKeys.HostKey> recorded) {
        return recorded == null ? List.of() : recorded.stream().map(key -> new HostKey(key.type(), key.publicKey())).toList();
    }

    /** Records what ssh learned on first contact with these nodes (inventory host names are node IPs). */
    void recordLearned(List<RunNode> nodes, PlaybookOutcome outcome, LogAppender out) {
        for (RunNode node : nodes) {
            List<HostKey> learned = outcome.learnedHostKeys().get(node.ip());
            if (learned == null) {
                continue;
            }
            List<OfferedKey> offered = learned.stream().map(key -> new OfferedKey(key.type(), key.publicKey())).toList();
            try {
                List<NodeHostKeys.HostKey> recorded = keys.recordFirstContact(node.nodeId(), offered);
                if (!recorded.isEmpty()) {
                    out.line("[platform] " + node.ip() + ": first contact, recorded its SSH host key "
                            + NodeHostKeys.describe(recorded));
                }
            } catch (IllegalArgumentException unreadable) {
                log.warn("Did not record the SSH host key {} learned from {}: {}", offered, node.ip(), unreadable.getMessage());
            }
        }
    }

    /** The node's result when ssh refused it for showing another key than the recorded one. */
    static Optional<HostResult> refused(RunNode node, PlaybookOutcome outcome, List<NodeHostKeys.HostKey> recorded) {
        RefusedHostKey refused = outcome.refusedHostKeys().get(node.ip());
        if (refused == null) {
            return Optional.empty();
        }
        return Optional.of(new HostResult(node.nodeId(), node.ip(), RunStatus.UNREACHABLE, null, 0, 0, 0, 0, 0L,
                message(node, refused, recorded == null ? List.of() : recorded)));
    }

    static String message(RunNode node, RefusedHostKey refused, List<NodeHostKeys.HostKey> recorded) {
        String offered = refused.offeredFingerprint() == null ? "a key of another type (ssh did not show it)"
                : (refused.offeredType() == null ? "" : refused.offeredType() + " key ") + refused.offeredFingerprint();
        String known = recorded.stream().map(key -> key.type() + " " + key.fingerprint() + " (recorded " + key.recordedAt() + ")")
                .collect(Collectors.joining(", "));
        return "SSH host key changed: the node offered " + offered + ", not its recorded key " + known
                + ". The platform refused the connection, so the step did not run here. Someone may be impersonating"
                + " the node; if it was reinstalled or its key replaced, an ADMIN who has checked the new fingerprint on"
                + " the node accepts it with POST /api/v1/nodes/" + node.nodeId() + "/host-key/forget, and the next run"
                + " records the key the node offers.";
    }
}

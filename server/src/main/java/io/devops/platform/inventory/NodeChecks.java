package io.devops.platform.inventory;

import io.devops.platform.credentials.CredentialVault;
import io.devops.platform.inventory.Nodes.NewNode;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks new nodes against their rules and the database in one pass, for one node or ten
 * thousand: a few queries whatever the count, and every problem reported, not just the first.
 */
@Component
class NodeChecks {

    private final Nodes nodes;
    private final NodePools pools;
    private final CredentialVault credentials;

    NodeChecks(Nodes nodes, NodePools pools, CredentialVault credentials) {
        this.nodes = nodes;
        this.pools = pools;
        this.credentials = credentials;
    }

    /** A credential named by a node must exist (its own 404 on a single node). */
    void requireCredential(Long credentialId) {
        if (credentialId != null && !credentials.exists(credentialId)) {
            throw new io.devops.platform.shared.NotFoundException("Credential", credentialId);
        }
    }

    Outcome check(List<NodeDraft> drafts) {
        return check(drafts, false);
    }

    /** {@code updateExisting}: a line whose IP a node already has is that node's update, not a problem. */
    Outcome check(List<NodeDraft> drafts, boolean updateExisting) {
        List<NodePoolView> allPools = pools.all();
        Map<Long, NodePoolView> poolsById = allPools.stream().collect(Collectors.toMap(NodePoolView::id, Function.identity()));
        Map<String, NodePoolView> poolsByName = allPools.stream().collect(Collectors.toMap(NodePoolView::name, Function.identity()));
        NodePoolView spare = allPools.stream().filter(NodePoolView::spare).findFirst().orElseThrow();

        List<Problem> problems = new ArrayList<>();
        List<ReadyNode> ready = new ArrayList<>();
        Map<String, Integer> firstIndexOfIp = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            NodeDraft draft = drafts.get(i);
            int index = i;
            List<InputError> invalid = draft.problems();
            invalid.forEach(error -> problems.add(new Problem(Kind.INVALID, index, error)));
            NodePoolView pool = resolvePool(draft, poolsById, poolsByName, spare, i, problems);
            if (!invalid.isEmpty() || pool == null) {
                continue;
            }
            String ip = draft.canonicalIp();
            Integer earlier = firstIndexOfIp.putIfAbsent(ip, i);
            if (earlier != null) {
                problems.add(new Problem(Kind.DUPLICATE, i, new InputError("ip", ip + " appears twice in this import")));
                continue;
            }
            if (draft.credentialId() != null && !credentials.exists(draft.credentialId())) {
                problems.add(new Problem(Kind.UNKNOWN_POOL, i, new InputError("credentialId",
                        "credential " + draft.credentialId() + " does not exist")));
                continue;
            }
            ready.add(new ReadyNode(i, new NewNode(ip, draft.hostname(), draft.nodeTypeOrDefault(), draft.gpuType(),
                    draft.gpuCount(), draft.sshPortOrDefault(), draft.sshUser(), pool.id(), draft.credentialId()),
                    draft.labelsOrEmpty()));
        }
        Set<String> taken = nodes.ipsTaken(ready.stream().map(node -> node.node().ip()).toList(), 0);
        List<ReadyNode> existing = ready.stream().filter(node -> taken.contains(node.node().ip())).toList();
        if (updateExisting) {
            ready.removeAll(existing);
        } else {
            existing.forEach(node -> problems.add(new Problem(Kind.DUPLICATE, node.index(),
                    new InputError("ip", "a node with IP " + node.node().ip() + " already exists"))));
        }
        problems.sort(Comparator.comparingInt(Problem::index));
        return new Outcome(ready, updateExisting ? existing : List.of(), problems);
    }

    private static NodePoolView resolvePool(NodeDraft draft, Map<Long, NodePoolView> byId, Map<String, NodePoolView> byName,
                                            NodePoolView spare, int index, List<Problem> problems) {
        NodePoolView pool;
        if (draft.nodePoolId() != null) {
            pool = byId.get(draft.nodePoolId());
        } else if (draft.nodePool() != null && !draft.nodePool().isBlank()) {
            pool = byName.get(draft.nodePool());
        } else {
            pool = spare;
        }
        if (pool == null) {
            String ref = draft.nodePoolId() != null ? draft.nodePoolId().toString() : "'" + draft.nodePool() + "'";
            problems.add(new Problem(Kind.UNKNOWN_POOL, index, new InputError("nodePool", "node pool " + ref + " does not exist")));
            return null;
        }
        if (pool.lock().locked()) {
            problems.add(new Problem(Kind.LOCKED, index, new InputError("nodePool",
                    pool.lock().describe("node pool " + pool.name()) + "; unlock it to add nodes")));
            return null;
        }
        return pool;
    }

    /** UNKNOWN_POOL stands for any missing reference (a pool or a credential): a 404 for one node. */
    enum Kind { INVALID, UNKNOWN_POOL, DUPLICATE, LOCKED }

    /** One problem; {@code index} is the draft's position in the list checked. */
    record Problem(Kind kind, int index, InputError error) {
    }

    record ReadyNode(int index, NewNode node, Map<String, String> labels) {
    }

    /** {@code existing}: the lines that update the node with their IP (only when asked for). */
    record Outcome(List<ReadyNode> ready, List<ReadyNode> existing, List<Problem> problems) {

        boolean hasProblems() {
            return !problems.isEmpty();
        }

        Set<Kind> kinds() {
            Set<Kind> kinds = new HashSet<>();
            problems.forEach(problem -> kinds.add(problem.kind()));
            return kinds;
        }
    }
}

package io.devops.platform.inventory;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.Memberships.Move;
import io.devops.platform.inventory.Memberships.PoolHistoryEntry;
import io.devops.platform.inventory.NodeChecks.Kind;
import io.devops.platform.inventory.NodeChecks.Outcome;
import io.devops.platform.inventory.NodeChecks.Problem;
import io.devops.platform.inventory.NodeChecks.ReadyNode;
import io.devops.platform.inventory.Nodes.NewNode;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Registering, changing, locking and removing nodes; moves between pools live in {@link NodeMoves}. */
@Service
// Read committed: two changes using the same new label at once must each see the label row the
// other committed (Labels.ensure), also when the change reads it back for its answer.
@Transactional(isolation = Isolation.READ_COMMITTED)
class NodeService {

    private static final int BULK_IMPORT_SIZE = 500;

    private final Nodes nodes;
    private final NodeChecks checks;
    private final Labels labels;
    private final Memberships memberships;
    private final NodeMoves moves;
    private final NodeUsage usage;
    private final NodeHostKeys hostKeys;
    private final NodeStanding standing;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    private final InventoryAccess access;

    NodeService(Nodes nodes, NodeChecks checks, Labels labels, Memberships memberships, NodeMoves moves,
                NodeUsage usage, NodeHostKeys hostKeys, NodeStanding standing, AuditTrail audit, JsonMapper json, Clock clock,
                InventoryAccess access) {
        this.standing = standing;
        this.access = access;
        this.nodes = nodes;
        this.checks = checks;
        this.labels = labels;
        this.memberships = memberships;
        this.moves = moves;
        this.usage = usage;
        this.hostKeys = hostKeys;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    NodeView get(long id) {
        NodeView node = nodes.byId(id).orElseThrow(() -> new NotFoundException("Node", id));
        access.requireVisible(node.tenantId(), "Node", id);
        return node.withLabels(labels.ofNodes(List.of(id)).getOrDefault(id, Map.of()))
                .withFacts(nodes.facts(id).map(json::readTree).orElse(null))
                .withHostKey(hostKeys.of(List.of(id)).get(id))
                .withStanding(standing.of(id, node.tenantId()));
    }

    @Transactional(readOnly = true)
    List<PoolHistoryEntry> poolHistory(long id) {
        get(id);
        return memberships.ofNode(id);
    }

    NodeView create(NodeDraft draft) {
        Outcome outcome = checks.check(List.of(draft));
        if (outcome.hasProblems()) {
            throw singleNodeFailure(outcome.problems());
        }
        long id = register(outcome.ready()).get(0);
        NodeView created = get(id);
        audit.recordInTenant(created.tenantId(), "node.created", "node", id, "Registered node " + created.ip() + " in pool " + created.nodePoolName(),
                null, created);
        return created;
    }

    /**
     * All or nothing: any problem on any line and no node is imported. With {@code updateExisting},
     * a line whose IP a node has updates that node (see {@link #importedUpdate}) instead of being refused.
     */
    ImportResult importAll(List<NodeDraft> drafts, List<String> positions, boolean updateExisting) {
        if (drafts.isEmpty()) {
            throw new InvalidInputException("nodes", "the import holds no node");
        }
        Outcome outcome = checks.check(drafts, updateExisting);
        if (outcome.hasProblems()) {
            List<InputError> lines = outcome.problems().stream()
                    .map(problem -> new InputError(positions.get(problem.index()),
                            problem.error().field() + ": " + problem.error().message()))
                    .toList();
            throw new InvalidInputException("Nothing was imported: " + lines.size() + " problem(s) in "
                    + drafts.size() + " node(s); fix them and send the whole import again", lines);
        }
        Map<String, Long> existingIds = nodes.idsByIp(outcome.existing().stream().map(node -> node.node().ip()).toList());
        for (ReadyNode line : outcome.existing()) {
            long id = existingIds.get(line.node().ip());
            update(id, importedUpdate(get(id), drafts.get(line.index()), line), ExpectedVersion.ANY);
        }
        List<Long> ids = outcome.ready().isEmpty() ? List.of() : register(outcome.ready());
        if (!ids.isEmpty()) {
            audit.record("node.imported", "node", null, "Imported " + ids.size() + " nodes", null,
                    Map.of("count", ids.size(), "firstId", ids.get(0), "lastId", ids.get(ids.size() - 1)));
        }
        return new ImportResult(ids.size(), outcome.existing().size());
    }

    /** How many nodes an import created and how many existing ones (by IP) it updated. */
    record ImportResult(int imported, int updated) {
    }

    /**
     * An existing node as an import line changes it: what the line gives replaces, an empty cell keeps
     * the node's value (labels included), and a line without a pool leaves the node in its pool.
     */
    private static NodeDraft importedUpdate(NodeView before, NodeDraft line, ReadyNode checked) {
        boolean namesPool = line.nodePoolId() != null || (line.nodePool() != null && !line.nodePool().isBlank());
        return new NodeDraft(before.ip(), or(line.hostname(), before.hostname()), or(line.nodeType(), before.nodeType()),
                or(line.gpuType(), before.gpuType()), or(line.gpuCount(), before.gpuCount()), or(line.sshPort(), before.sshPort()),
                or(line.sshUser(), before.sshUser()), namesPool ? checked.node().nodePoolId() : null, null,
                line.labels() == null || line.labels().isEmpty() ? before.labels() : line.labels(),
                or(line.credentialId(), before.credentialId()));
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    /** Outside the import's transaction: on MySQL, ANALYZE TABLE commits whatever is open. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void afterImport(int imported) {
        if (imported >= BULK_IMPORT_SIZE) {
            nodes.refreshStatistics();
        }
    }

    NodeView update(long id, NodeDraft draft, ExpectedVersion expected) {
        NodeView before = get(id);
        List<InputError> invalid = draft.problems();
        if (!invalid.isEmpty()) {
            throw new InvalidInputException(describe(invalid), invalid);
        }
        String ip = draft.canonicalIp();
        if (!nodes.ipsTaken(List.of(ip), id).isEmpty()) {
            throw new ConflictException("A node with IP " + ip + " already exists");
        }
        Instant now = clock.instant();
        checks.requireCredential(draft.credentialId());
        nodes.update(id, new NewNode(ip, draft.hostname(), draft.nodeTypeOrDefault(), draft.gpuType(), draft.gpuCount(),
                draft.sshPortOrDefault(), draft.sshUser(), before.nodePoolId(), draft.credentialId()), expected, now,
                CurrentActor.name());
        labels.replaceNodeLabels(id, draft.labelsOrEmpty(), now, CurrentActor.name());
        if (draft.nodePoolId() != null && draft.nodePoolId() != before.nodePoolId()) {
            moves.move(List.of(id), draft.nodePoolId(), "changed with the node");
        }
        NodeView after = get(id);
        audit.recordInTenant(after.tenantId(), "node.updated", "node", id, "Changed node " + after.ip(), before, after);
        return after;
    }

    void delete(long id) {
        NodeView node = get(id);
        if (node.lock().locked()) {
            throw new ConflictException(node.lock().describe("Node " + node.ip()) + "; unlock it before deleting");
        }
        // Lock first, then ask (read committed): a run that started before sees its node here, one
        // starting now waits for this commit and then finds the node gone (NodeTargets.hold).
        nodes.lockForChange(List.of(id));
        List<NodeUsage.Use> uses = usage.usesOf(List.of(id));
        if (!uses.isEmpty()) {
            throw InUse.refusal("Node " + node.ip() + " is in use by " + InUse.runs(uses)
                    + "; wait for the run to end or cancel it, then delete the node", uses);
        }
        nodes.delete(id);
        audit.recordInTenant(node.tenantId(), "node.deleted", "node", id, "Deleted node " + node.ip(), node, null);
    }

    NodeView lock(long id, String reason) {
        NodeView before = get(id);
        access.requireOperable(before.tenantId(), "Node", id);
        if (before.lock().locked()) {
            throw new ConflictException(before.lock().describe("Node " + before.ip()));
        }
        Instant now = clock.instant();
        nodes.setLock(id, new LockState(true, CurrentActor.name(), now, reason), now, CurrentActor.name());
        NodeView after = get(id);
        audit.recordInTenant(after.tenantId(), "node.locked", "node", id, "Locked node " + after.ip() + ": " + reason, before, after);
        return after;
    }

    NodeView unlock(long id, String reason) {
        NodeView before = get(id);
        access.requireOperable(before.tenantId(), "Node", id);
        if (!before.lock().locked()) {
            throw new ConflictException("Node " + before.ip() + " is not locked");
        }
        Instant now = clock.instant();
        nodes.setLock(id, LockState.UNLOCKED, now, CurrentActor.name());
        NodeView after = get(id);
        audit.recordInTenant(after.tenantId(), "node.unlocked", "node", id, "Unlocked node " + after.ip() + (reason == null ? "" : ": " + reason),
                before, after);
        return after;
    }

    /**
     * Accepts whatever SSH host key the node shows next: its recorded keys are forgotten, and the
     * next contact records the key it is offered. For a node that was reinstalled or had its key
     * replaced; an ADMIN's decision (the controller checks), since it also admits an impostor.
     */
    NodeView forgetHostKey(long id) {
        NodeView before = get(id);
        if (before.hostKey() == null) {
            throw new ConflictException("Node " + before.ip() + " has no recorded SSH host key: its next contact"
                    + " records the key it offers");
        }
        List<NodeHostKeys.HostKey> forgotten = hostKeys.of(List.of(id)).get(id);
        hostKeys.forget(id);
        NodeView after = get(id);
        audit.recordInTenant(after.tenantId(), "node.host-key-forgotten", "node", id, "Forgot the SSH host key of node " + before.ip() + " ("
                + NodeHostKeys.describe(forgotten) + "): its next contact records the key it offers", forgotten, null);
        return after;
    }

    private List<Long> register(List<ReadyNode> ready) {
        Instant now = clock.instant();
        String by = CurrentActor.name();
        Map<String, Long> idsByIp = nodes.insertAll(ready.stream().map(ReadyNode::node).toList(), now, by);
        List<Long> ids = new ArrayList<>();
        List<Move> arrivals = new ArrayList<>();
        Map<Map<String, String>, List<Long>> nodesByLabels = new LinkedHashMap<>();
        for (ReadyNode node : ready) {
            long id = idsByIp.get(node.node().ip());
            ids.add(id);
            arrivals.add(new Move(id, node.node().ip(), null, node.node().nodePoolId()));
            nodesByLabels.computeIfAbsent(node.labels(), labelSet -> new ArrayList<>()).add(id);
        }
        nodesByLabels.forEach((labelSet, nodeIds) -> labels.addNodeLabels(nodeIds, labelSet, now, by));
        memberships.recordAll(arrivals, "registered", now, by);
        return ids;
    }

    private static RuntimeException singleNodeFailure(List<Problem> problems) {
        List<InputError> errors = problems.stream().map(Problem::error).toList();
        Kind kind = problems.stream().map(Problem::kind).min(Enum::compareTo).orElseThrow();
        return switch (kind) {
            case INVALID -> new InvalidInputException(describe(errors), errors);
            case UNKNOWN_POOL -> new NotFoundException(describe(errors));
            case DUPLICATE, LOCKED -> new ConflictException(describe(errors));
        };
    }

    private static String describe(List<InputError> errors) {
        return String.join("; ", errors.stream().map(error -> error.field() + ": " + error.message()).toList());
    }
}

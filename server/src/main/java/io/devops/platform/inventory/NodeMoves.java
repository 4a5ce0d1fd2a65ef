package io.devops.platform.inventory;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.Memberships.Move;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves nodes between pools. Locked nodes, locked source pools, a locked target pool and nodes
 * that a queued or running run targets refuse the whole move; every node that moves leaves a row
 * in its pool history.
 */
@Service
// Read committed: the runs holding the nodes are read after the nodes' rows are locked, and must
// include a run whose start committed while this move waited for those locks.
@Transactional(isolation = Isolation.READ_COMMITTED)
class NodeMoves {

    static final int MAX_NODES_PER_MOVE = 10_000;

    private final Nodes nodes;
    private final NodePools pools;
    private final Memberships memberships;
    private final NodeUsage usage;
    private final DeliveryGate gate;
    private final AuditTrail audit;
    private final Clock clock;

    NodeMoves(Nodes nodes, NodePools pools, Memberships memberships, NodeUsage usage, DeliveryGate gate, AuditTrail audit,
              Clock clock) {
        this.nodes = nodes;
        this.pools = pools;
        this.memberships = memberships;
        this.usage = usage;
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return how many nodes changed pool (nodes already there are left alone); the delivery gate decides too */
    int move(List<Long> nodeIds, long targetPoolId, String reason) {
        return move(nodeIds, targetPoolId, reason, true);
    }

    /** A delivery the lifecycle's gate has already admitted ({@link NodeDeliveries#deliver}): not asked again. */
    int moveAdmitted(long nodeId, long targetPoolId, String reason) {
        return move(List.of(nodeId), targetPoolId, reason, false);
    }

    private int move(List<Long> nodeIds, long targetPoolId, String reason, boolean gated) {
        Set<Long> wanted = new LinkedHashSet<>(nodeIds);
        if (wanted.isEmpty() || wanted.size() > MAX_NODES_PER_MOVE) {
            throw new InvalidInputException("nodeIds", "give between 1 and " + MAX_NODES_PER_MOVE + " node ids");
        }
        NodePoolView target = pools.byId(targetPoolId).orElseThrow(() -> new NotFoundException("Node pool", targetPoolId));
        if (target.lock().locked()) {
            throw new ConflictException(target.lock().describe("Node pool " + target.name()) + "; unlock it to move nodes in");
        }
        List<NodeView> found = nodes.byIds(wanted);
        requireAllFound(wanted, found);
        List<NodeView> moving = found.stream().filter(node -> node.nodePoolId() != targetPoolId).toList();
        Map<Long, NodePoolView> sources = requireMovable(moving);
        if (gated && !moving.isEmpty()) {
            DeliveryGate.Place to = new DeliveryGate.Place(target.id(), target.name(), target.tenantId());
            gate.admitMove(moving.stream().map(node -> new DeliveryGate.Arrival(node.id(), node.ip(),
                    place(sources.get(node.nodePoolId())), to)).toList(), reason);
        }
        Instant now = clock.instant();
        String by = CurrentActor.name();
        nodes.moveAll(moving.stream().map(NodeView::id).toList(), targetPoolId, now, by);
        memberships.recordAll(moving.stream().map(node -> new Move(node.id(), node.ip(), node.nodePoolId(), targetPoolId))
                .toList(), reason, now, by);
        if (!moving.isEmpty()) {
            String summary = "Moved " + moving.size() + " node(s) into pool " + target.name() + (reason == null ? "" : ": " + reason);
            Map<String, Object> after = Map.of("nodeIds", moving.stream().map(NodeView::id).toList(), "toPoolId", targetPoolId);
            audit.recordInTenant(target.tenantId(), "node.moved", "node-pool", targetPoolId, summary, null, after);
            // Each tenant that loses nodes sees the move in its own trail too.
            moving.stream().map(NodeView::tenantId).filter(Objects::nonNull).distinct()
                    .filter(tenant -> !tenant.equals(target.tenantId()))
                    .forEach(tenant -> audit.recordInTenant(tenant, "node.moved", "node-pool", targetPoolId, summary, null, after));
        }
        return moving.size();
    }

    private static void requireAllFound(Set<Long> wanted, List<NodeView> found) {
        Set<Long> missing = new LinkedHashSet<>(wanted);
        found.forEach(node -> missing.remove(node.id()));
        if (!missing.isEmpty()) {
            throw new NotFoundException("Node(s) " + missing.stream().limit(20).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " do not exist; nothing was moved");
        }
    }

    private static DeliveryGate.Place place(NodePoolView pool) {
        return new DeliveryGate.Place(pool.id(), pool.name(), pool.tenantId());
    }

    /** @return the pools the nodes leave, by id */
    private Map<Long, NodePoolView> requireMovable(List<NodeView> moving) {
        List<String> refusals = new ArrayList<>();
        moving.stream().filter(node -> node.lock().locked())
                .forEach(node -> refusals.add(node.lock().describe("node " + node.ip())));
        Set<Long> sourceIds = moving.stream().map(NodeView::nodePoolId).collect(Collectors.toSet());
        Map<Long, NodePoolView> sources = sourceIds.stream().map(id -> pools.byId(id).orElseThrow())
                .collect(Collectors.toMap(NodePoolView::id, Function.identity()));
        sources.values().stream().filter(pool -> pool.lock().locked())
                .forEach(pool -> refusals.add(pool.lock().describe("node pool " + pool.name())));
        if (!refusals.isEmpty()) {
            throw new ConflictException(nothingMoved(refusals));
        }
        requireUnused(moving);
        return sources;
    }

    /** Lock first, then ask: a run that starts meanwhile waits for this move and sees where its nodes went. */
    private void requireUnused(List<NodeView> moving) {
        if (moving.isEmpty()) {
            return;
        }
        List<Long> ids = moving.stream().map(NodeView::id).toList();
        nodes.lockForChange(ids);
        List<NodeUsage.Use> uses = usage.usesOf(ids);
        if (uses.isEmpty()) {
            return;
        }
        Map<Long, String> ips = moving.stream().collect(Collectors.toMap(NodeView::id, NodeView::ip));
        List<String> refusals = uses.stream().collect(Collectors.groupingBy(NodeUsage.Use::nodeId, TreeMap::new,
                        Collectors.toList()))
                .entrySet().stream()
                .map(node -> "node " + ips.get(node.getKey()) + " is in use by " + InUse.runs(node.getValue()))
                .toList();
        throw InUse.refusal(nothingMoved(refusals) + "; wait for the runs to end or cancel them, then move the nodes", uses);
    }

    private static String nothingMoved(List<String> refusals) {
        return "Nothing was moved: " + String.join("; ", refusals.stream().limit(10).toList())
                + (refusals.size() > 10 ? "; and " + (refusals.size() - 10) + " more" : "");
    }
}

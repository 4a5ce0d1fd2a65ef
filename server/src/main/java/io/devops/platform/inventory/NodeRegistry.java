package io.devops.platform.inventory;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the inventory offers the node agent's gateway: a node registers itself (or is linked to
 * the node already known by its IP), reports its facts and shows it is alive.
 */
@Service
@Transactional
public class NodeRegistry {

    private final Nodes nodes;
    private final NodeService nodeService;
    private final AuditTrail audit;
    private final Clock clock;

    NodeRegistry(Nodes nodes, NodeService nodeService, AuditTrail audit, Clock clock) {
        this.nodes = nodes;
        this.nodeService = nodeService;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers the node at {@code ip} in the given pool (the spare pool when null), or links the
     * node already known by that IP without moving it. Either way {@code registered_at} is now.
     */
    public RegisteredNode register(String ip, String hostname, Long nodePoolId) {
        String canonical = canonical(ip);
        Instant now = clock.instant();
        Optional<Long> known = nodes.idOfIp(canonical);
        if (known.isPresent()) {
            nodes.markRegistered(known.get(), now);
            NodeView node = nodeService.get(known.get());
            audit.record("node.registered", "node", node.id(), "The agent on " + canonical + " registered the known node", null,
                    Map.of("ip", canonical));
            return new RegisteredNode(node.id(), node.ip(), node.nodePoolId(), false);
        }
        NodeView created = nodeService.create(new NodeDraft(canonical, hostname, null, null, null, null, null,
                nodePoolId, null, null, null));
        nodes.markRegistered(created.id(), now);
        return new RegisteredNode(created.id(), created.ip(), created.nodePoolId(), true);
    }

    /** Stores the agent's facts (JSON) and takes the hostname and GPU model and count from them. */
    public void reportFacts(long nodeId, String factsJson, FactsSummary summary) {
        summary.requireValid();
        NodeView before = nodeService.get(nodeId);
        nodes.updateFacts(nodeId, factsJson, summary.hostname(), summary.gpuType(), summary.gpuCount(), clock.instant());
        boolean changed = !Objects.equals(before.hostname(), summary.hostname())
                || !Objects.equals(before.gpuType(), summary.gpuType())
                || !Objects.equals(before.gpuCount(), summary.gpuCount());
        if (changed) {
            audit.record("node.facts-changed", "node", nodeId, "The agent on " + before.ip() + " reported new facts",
                    Map.of("hostname", String.valueOf(before.hostname()), "gpuType", String.valueOf(before.gpuType()),
                            "gpuCount", String.valueOf(before.gpuCount())), summary);
        }
    }

    /** A heartbeat: not a change worth auditing, just the time the node was last heard from. */
    public void markSeen(long nodeId) {
        nodes.markSeen(nodeId, clock.instant());
    }

    /** Heartbeats of many nodes heard from at {@code at}, in one statement per thousand. */
    public void markSeen(Collection<Long> nodeIds, Instant at) {
        nodes.markSeen(nodeIds, at);
    }

    /** When the node's agent was last heard from; empty when no agent ever reported. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastSeenAt(long nodeId) {
        return nodes.byId(nodeId).map(NodeView::agent).map(AgentPresence::lastSeenAt);
    }

    /** Whether the node's agent has been heard from within the presence window. */
    @Transactional(readOnly = true)
    public boolean isOnline(long nodeId) {
        return nodes.byId(nodeId).map(NodeView::agent).map(agent -> agent.status() == AgentPresence.Status.ONLINE).orElse(false);
    }

    /**
     * Which of these nodes cannot be reached through an agent now, each with when its agent was
     * last heard from (empty when none ever was, or the node is gone). One query for all of them.
     */
    @Transactional(readOnly = true)
    public Map<Long, Optional<Instant>> offlineAmong(Collection<Long> nodeIds) {
        Map<Long, AgentPresence> presence = new HashMap<>();
        nodes.byIds(nodeIds).forEach(node -> presence.put(node.id(), node.agent()));
        Map<Long, Optional<Instant>> offline = new LinkedHashMap<>();
        for (Long id : nodeIds) {
            AgentPresence agent = presence.get(id);
            if (agent == null || agent.status() != AgentPresence.Status.ONLINE) {
                offline.put(id, Optional.ofNullable(agent).map(AgentPresence::lastSeenAt));
            }
        }
        return offline;
    }

    @Transactional(readOnly = true)
    public RegisteredNode get(long nodeId) {
        NodeView node = nodes.byId(nodeId).orElseThrow(() -> new NotFoundException("Node", nodeId));
        return new RegisteredNode(node.id(), node.ip(), node.nodePoolId(), false);
    }

    /**
     * The node known by this address (in any of its spellings), with what the inventory knows of
     * it; empty for an address never seen. Refuses a text that is not an IP address.
     */
    @Transactional(readOnly = true)
    public Optional<KnownNode> byIp(String ip) {
        return nodes.idOfIp(canonical(ip)).flatMap(nodes::byId).map(NodeRegistry::known);
    }

    @Transactional(readOnly = true)
    public Optional<KnownNode> known(long nodeId) {
        return nodes.byId(nodeId).map(NodeRegistry::known);
    }

    private static KnownNode known(NodeView node) {
        return new KnownNode(node.id(), node.ip(), node.hostname(), node.gpuType(), node.gpuCount(), node.nodePoolId(),
                node.nodePoolName(), node.tenantId(), node.facts());
    }

    private static String canonical(String ip) {
        return IpAddress.parse(ip).map(IpAddress::value)
                .orElseThrow(() -> new InvalidInputException("ip", "'" + ip + "' is not an IP address"));
    }

    /** What the inventory knows of a node, to set beside what an agent declares about it. */
    public record KnownNode(long id, String ip, String hostname, String gpuType, Integer gpuCount, long nodePoolId,
                            String nodePoolName, Long tenantId, JsonNode facts) {
    }

    /** {@code created} is false when the IP was already known and the node was linked. */
    public record RegisteredNode(long id, String ip, long nodePoolId, boolean created) {
    }

    /** What the inventory shows and filters on; the rest of the facts stay as reported. */
    public record FactsSummary(String hostname, String gpuType, Integer gpuCount) {

        /** The inventory's rules hold for what an agent reports as for what a user types. */
        void requireValid() {
            List<InputError> problems = new ArrayList<>();
            Optional.ofNullable(hostname).flatMap(NodeRules::hostnameProblem)
                    .ifPresent(problem -> problems.add(new InputError("hostname", problem)));
            Optional.ofNullable(gpuType).flatMap(NodeRules::gpuTypeProblem)
                    .ifPresent(problem -> problems.add(new InputError("gpuType", problem)));
            Optional.ofNullable(gpuCount).flatMap(NodeRules::gpuCountProblem)
                    .ifPresent(problem -> problems.add(new InputError("gpuCount", problem)));
            if (!problems.isEmpty()) {
                throw new InvalidInputException("The reported facts break the inventory's rules", problems);
            }
        }
    }
}

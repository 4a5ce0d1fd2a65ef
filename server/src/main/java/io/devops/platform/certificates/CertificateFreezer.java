package io.devops.platform.certificates;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeRegistry.KnownNode;
import io.devops.platform.lifecycle.NodeDelivered;
import io.devops.platform.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Freezes a node's certificate when it is delivered, in the delivery's own transaction: a node is
 * DELIVERED with its certificate or not at all (a signing key that cannot be read fails the delivery
 * with why, rather than delivering a node without a record).
 */
@Component
class CertificateFreezer {

    private final NodeRegistry nodes;
    private final AcceptanceVerdicts verdicts;
    private final SigningKeys keys;
    private final Certificates certificates;
    private final NodePlacement placement;

    CertificateFreezer(NodeRegistry nodes, NodePlacement placement, AcceptanceVerdicts verdicts, SigningKeys keys,
                       Certificates certificates) {
        this.nodes = nodes;
        this.placement = placement;
        this.verdicts = verdicts;
        this.keys = keys;
        this.certificates = certificates;
    }

    @EventListener
    void on(NodeDelivered delivered) {
        KnownNode node = nodes.known(delivered.nodeId()).orElseThrow(() -> new NotFoundException("Node", delivered.nodeId()));
        SigningKey key = keys.current();
        String body = CertificateDocument.json(node, placement.node(node.id()).facts(), delivered, verdicts.latestOf(node.id()),
                key.fingerprint());
        certificates.insert(node.id(), delivered.tenantId(), delivered.at(), body, key.sign(body.getBytes(StandardCharsets.UTF_8)),
                key.fingerprint());
    }
}

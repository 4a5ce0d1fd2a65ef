package io.devops.platform.bmc;

import io.devops.platform.credentials.CredentialKind;
import io.devops.platform.credentials.CredentialVault;
import io.devops.platform.credentials.PasswordCredential;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.TargetTenants;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules for nodes' BMCs: scoped like their node (another tenant's is a 404, a viewer's change a
 * 403), the credential a PASSWORD one, every change audited without the password.
 */
@Service
@Transactional
class BmcService implements BmcTargets {

    private final NodeBmcs bmcs;
    private final NodeTargets nodes;
    private final TargetTenants owners;
    private final TenantScopes scopes;
    private final CredentialVault credentials;
    private final AuditTrail audit;
    private final Clock clock;

    BmcService(NodeBmcs bmcs, NodeTargets nodes, TargetTenants owners, TenantScopes scopes, CredentialVault credentials,
               AuditTrail audit, Clock clock) {
        this.bmcs = bmcs;
        this.nodes = nodes;
        this.owners = owners;
        this.scopes = scopes;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    BmcView get(long nodeId) {
        scopes.requireVisible(tenantOf(nodeId), "Node", nodeId);
        return bmcs.find(nodeId).orElseThrow(() -> new NotFoundException("Node " + nodeId + " has no BMC"));
    }

    BmcView put(long nodeId, BmcRequest request) {
        Long tenant = tenantOf(nodeId);
        scopes.requireOperable(tenant, "Node", nodeId);
        BmcSettings settings = new BmcSettings(nodeId, BmcRules.address(request.address()), BmcRules.port(request.port()),
                passwordCredential(request.credentialId()), BmcRules.protocol(request.protocol()));
        Optional<BmcView> before = bmcs.find(nodeId);
        bmcs.save(settings, clock.instant(), CurrentActor.name());
        BmcView after = bmcs.find(nodeId).orElseThrow();
        audit.recordInTenant(tenant, before.isPresent() ? "bmc.updated" : "bmc.created", "node", nodeId,
                "Set the BMC of node " + nodeId + " to " + after.address() + ":" + after.port() + " (" + after.protocol()
                        + ", credential " + after.credentialId() + ")", before.orElse(null), after);
        return after;
    }

    void delete(long nodeId) {
        Long tenant = tenantOf(nodeId);
        scopes.requireOperable(tenant, "Node", nodeId);
        BmcView before = bmcs.find(nodeId).orElseThrow(() -> new NotFoundException("Node " + nodeId + " has no BMC"));
        bmcs.delete(nodeId);
        audit.recordInTenant(tenant, "bmc.deleted", "node", nodeId, "Removed the BMC of node " + nodeId, before, null);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BmcTarget> of(long nodeId) {
        return bmcs.find(nodeId).map(bmc -> {
            PasswordCredential login = credentials.password(bmc.credentialId());
            return new BmcTarget(nodeId, bmc.address(), bmc.port(), login.username(), login.password());
        });
    }

    private long passwordCredential(Long credentialId) {
        long id = BmcRules.credentialId(credentialId);
        CredentialKind kind = credentials.kindOf(id).orElseThrow(() -> new InvalidInputException("credentialId",
                "no credential has this id"));
        if (kind != CredentialKind.PASSWORD) {
            throw new InvalidInputException("credentialId", "must be a PASSWORD credential (user name and password), not an SSH key");
        }
        return id;
    }

    /** The node's tenant, null for the spare pool; 404 for an unknown node. */
    private Long tenantOf(long nodeId) {
        if (nodes.existing(Set.of(nodeId)).isEmpty()) {
            throw new NotFoundException("Node", nodeId);
        }
        return owners.of(List.of(nodeId), List.of()).single();
    }
}

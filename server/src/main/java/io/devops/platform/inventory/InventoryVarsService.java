package io.devops.platform.inventory;

import io.devops.platform.credentials.SecretSeal;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.InventoryVarsStore.Owner;
import io.devops.platform.inventory.InventoryVarsStore.Stored;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pool and node variables for the playbooks: plain values stored as JSON, secrets sealed under the
 * master key like operator secrets and never answered. Scoped as their pool or node is, audited as
 * a change of it.
 */
@Service
class InventoryVarsService {

    static final String PURPOSE = "inventory_vars.secret_vars_json";
    private static final TypeReference<Map<String, Object>> VARS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> SECRETS = new TypeReference<>() { };

    private final InventoryVarsStore store;
    private final NodePools pools;
    private final Nodes nodes;
    private final InventoryAccess access;
    private final SecretSeal seal;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    InventoryVarsService(InventoryVarsStore store, NodePools pools, Nodes nodes, InventoryAccess access, SecretSeal seal,
                         AuditTrail audit, JsonMapper json, Clock clock) {
        this.store = store;
        this.pools = pools;
        this.nodes = nodes;
        this.access = access;
        this.seal = seal;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    InventoryVarsView get(Owner owner, long id) {
        access.requireVisible(tenantOf(owner, id), label(owner), id);
        return view(store.of(owner, id));
    }

    @Transactional
    InventoryVarsView put(Owner owner, long id, InventoryVarsView.Request request) {
        Long tenantId = tenantOf(owner, id);
        access.requireOperable(tenantId, label(owner), id);
        Stored before = store.of(owner, id);
        Map<String, String> sealed = new TreeMap<>(readSecrets(before.secretsJson()));
        VarsRules.check(request.vars(), request.secretVars(), sealed.keySet(), json);
        request.secretVars().forEach((name, value) -> {
            if (value == null) {
                sealed.remove(name);
            } else {
                sealed.put(name, seal.seal(value, PURPOSE));
            }
        });
        Stored after = new Stored(json.writeValueAsString(request.vars()), json.writeValueAsString(sealed));
        store.put(owner, id, after, CurrentActor.name(), clock.instant());
        InventoryVarsView answer = view(after);
        String kind = owner == Owner.POOL ? "node-pool" : "node";
        audit.recordInTenant(tenantId, kind + ".vars-changed", kind, id, "Changed the variables of " + label(owner).toLowerCase()
                + " " + id, view(before), answer);
        return answer;
    }

    /** The plain values of a stored row. */
    Map<String, Object> readVars(String varsJson) {
        return new LinkedHashMap<>(json.readValue(varsJson, VARS));
    }

    /** The sealed secrets of a stored row, by name. */
    Map<String, String> readSecrets(String secretsJson) {
        return json.readValue(secretsJson, SECRETS);
    }

    /** A sealed secret opened, only to reach Ansible. */
    String open(String sealed, String name) {
        return seal.open(sealed, PURPOSE, "the secret variable " + name);
    }

    private InventoryVarsView view(Stored stored) {
        return new InventoryVarsView(readVars(stored.varsJson()), List.copyOf(new TreeMap<>(readSecrets(stored.secretsJson())).keySet()));
    }

    private Long tenantOf(Owner owner, long id) {
        return owner == Owner.POOL
                ? pools.byId(id).orElseThrow(() -> new NotFoundException("Node pool", id)).tenantId()
                : nodes.byId(id).orElseThrow(() -> new NotFoundException("Node", id)).tenantId();
    }

    private static String label(Owner owner) {
        return owner == Owner.POOL ? "Node pool" : "Node";
    }
}

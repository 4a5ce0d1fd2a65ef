package io.devops.platform.inventory;

import io.devops.platform.identity.TenantAware;
import io.devops.platform.inventory.InventoryVarsStore.Owner;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pool and node variables (a tenant's members write those of their own pools and nodes): {@code GET}/{@code PUT /api/v1/node-pools/{id}/vars} and {@code /api/v1/nodes/{id}/vars}. */
@RestController
@RequestMapping("/api/v1")
class InventoryVarsController {

    private final InventoryVarsService vars;

    InventoryVarsController(InventoryVarsService vars) {
        this.vars = vars;
    }

    @GetMapping("/node-pools/{id}/vars")
    @TenantAware
    InventoryVarsView poolVars(@PathVariable long id) {
        return vars.get(Owner.POOL, id);
    }

    @PutMapping("/node-pools/{id}/vars")
    @TenantAware
    InventoryVarsView putPoolVars(@PathVariable long id, @RequestBody InventoryVarsView.Request request) {
        return vars.put(Owner.POOL, id, request);
    }

    @GetMapping("/nodes/{id}/vars")
    @TenantAware
    InventoryVarsView nodeVars(@PathVariable long id) {
        return vars.get(Owner.NODE, id);
    }

    @PutMapping("/nodes/{id}/vars")
    @TenantAware
    InventoryVarsView putNodeVars(@PathVariable long id, @RequestBody InventoryVarsView.Request request) {
        return vars.put(Owner.NODE, id, request);
    }
}

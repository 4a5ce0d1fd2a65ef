package io.devops.platform.health;

import io.devops.platform.identity.TenantAware;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A node's health page (tenant users read their nodes'), and draining it or sending it to RMA by hand (the operations team). */
@RestController
@RequestMapping("/api/v1/nodes")
class NodeHealthController {

    record ReasonRequest(@Size(max = 1000) String reason) {
    }

    private final NodeHealth health;
    private final NodeRepairs repairs;

    NodeHealthController(NodeHealth health, NodeRepairs repairs) {
        this.health = health;
        this.repairs = repairs;
    }

    @GetMapping("/{id}/health")
    @TenantAware
    NodeHealth.View health(@PathVariable long id) {
        return health.of(id);
    }

    @PostMapping("/{id}/drain")
    NodeRepairs.Moved drain(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        return repairs.drain(id, request.reason());
    }

    @PostMapping("/{id}/rma")
    NodeRepairs.Moved rma(@PathVariable long id, @Valid @RequestBody ReasonRequest request) {
        return repairs.rma(id, request.reason());
    }
}

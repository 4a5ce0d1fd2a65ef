package io.devops.platform.burnin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A spare pool's recurring burn-in: {@code GET/PUT /api/v1/node-pools/{id}/burn-in}. The operations
 * team's (spare pools belong to no tenant): reads need VIEWER, the change OPERATOR, tenant users none.
 */
@RestController
@RequestMapping("/api/v1/node-pools/{id}/burn-in")
class SpareBurnInController {

    private final SpareBurnInService service;

    SpareBurnInController(SpareBurnInService service) {
        this.service = service;
    }

    @GetMapping
    SpareBurnInView get(@PathVariable long id) {
        return service.get(id);
    }

    @PutMapping
    SpareBurnInView put(@PathVariable long id, @RequestBody SpareBurnInView.Request request) {
        return service.set(id, request);
    }
}

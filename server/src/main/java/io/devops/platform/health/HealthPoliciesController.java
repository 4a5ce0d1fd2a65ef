package io.devops.platform.health;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health policies: the fleet's, not a tenant's (every reader sees them all; the URL rules keep
 * writes to ADMIN). PUT makes a new version; GET answers the newest.
 */
@RestController
@RequestMapping("/api/v1/health-policies")
class HealthPoliciesController {

    private final HealthPolicyCatalog catalog;
    private final HealthPolicyChecks checks;

    HealthPoliciesController(HealthPolicyCatalog catalog, HealthPolicyChecks checks) {
        this.catalog = catalog;
        this.checks = checks;
    }

    @GetMapping
    List<HealthPolicyView> list() {
        return catalog.list();
    }

    @GetMapping("/{id}")
    HealthPolicyView get(@PathVariable long id) {
        return catalog.get(id);
    }

    /** Newest first. */
    @GetMapping("/{id}/versions")
    List<HealthPolicyView> versions(@PathVariable long id) {
        return catalog.versions(id);
    }

    @GetMapping("/{id}/versions/{version}")
    HealthPolicyView version(@PathVariable long id, @PathVariable int version) {
        return catalog.version(id, version);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    HealthPolicyView create(@RequestBody HealthPolicyRequest request) {
        return catalog.create(checks.check(request));
    }

    @PutMapping("/{id}")
    HealthPolicyView update(@PathVariable long id, @RequestBody HealthPolicyRequest request) {
        return catalog.update(id, checks.check(request));
    }
}

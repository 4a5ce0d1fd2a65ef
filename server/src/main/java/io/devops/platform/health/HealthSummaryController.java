package io.devops.platform.health;

import io.devops.platform.identity.TenantAware;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HealthSummaryController {

    private final HealthEventSummary summary;

    HealthSummaryController(HealthEventSummary summary) {
        this.summary = summary;
    }

    /** Open conditions by kind and by severity, the fleet's or one pool's (those the caller may see). */
    @GetMapping("/api/v1/health-events/summary")
    @TenantAware
    HealthEventSummary.Counts summary(@RequestParam(required = false) Long poolId) {
        return summary.of(poolId);
    }
}

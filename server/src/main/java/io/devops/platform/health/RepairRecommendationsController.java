package io.devops.platform.health;

import io.devops.platform.identity.TenantAware;
import io.devops.platform.identity.TenantScopes;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy's repair recommendations: tenant users read their nodes'; the operations team accepts or dismisses them. */
@RestController
@RequestMapping("/api/v1/repair-recommendations")
class RepairRecommendationsController {

    record Resolution(@Size(max = 1000) String comment) {
    }

    private final RepairRecommendations recommendations;
    private final NodeRepairs repairs;
    private final TenantScopes scopes;

    RepairRecommendationsController(RepairRecommendations recommendations, NodeRepairs repairs, TenantScopes scopes) {
        this.recommendations = recommendations;
        this.repairs = repairs;
        this.scopes = scopes;
    }

    /** Newest first; every filter is optional ({@code open=true}: not yet accepted or dismissed). */
    @GetMapping
    @TenantAware
    PageResult<RecommendationView> list(@RequestParam(required = false) Long nodeId, @RequestParam(required = false) Long poolId,
                                        @RequestParam(required = false) Boolean open, @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return recommendations.page(new RepairRecommendations.Filter(nodeId, poolId, open), scopes.current(),
                PageQuery.of(page, size, null, "createdAt,desc"));
    }

    @PostMapping("/{id}/accept")
    RecommendationView accept(@PathVariable long id, @Valid @RequestBody(required = false) Resolution body) {
        return repairs.accept(id, body == null ? null : body.comment());
    }

    @PostMapping("/{id}/dismiss")
    RecommendationView dismiss(@PathVariable long id, @Valid @RequestBody(required = false) Resolution body) {
        return repairs.dismiss(id, body == null ? null : body.comment());
    }
}

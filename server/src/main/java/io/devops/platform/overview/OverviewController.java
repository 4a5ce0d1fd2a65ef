package io.devops.platform.overview;

import io.devops.platform.identity.TenantAware;
import io.devops.platform.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/overview}: what the console's home page (and, with {@code poolId}, the pool page) shows. */
@RestController
@RequestMapping("/api/v1/overview")
class OverviewController {

    static final int MAX_DAYS = 180;

    private final OverviewQueries queries;

    OverviewController(OverviewQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @TenantAware
    Overview get(@RequestParam(required = false) Long poolId, @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", "must be between 1 and " + MAX_DAYS + ", not " + days);
        }
        return queries.overview(poolId, days);
    }
}

package io.devops.platform.health;

import io.devops.platform.identity.TenantAware;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/health-events")
class HealthEventsController {

    private static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    private final HealthEventSearch search;

    HealthEventsController(HealthEventSearch search) {
        this.search = search;
    }

    /** Newest last-seen first; every filter is optional. */
    @GetMapping
    @TenantAware
    PageResult<HealthEventView> list(@RequestParam(required = false) Long nodeId, @RequestParam(required = false) Long poolId,
                                     @RequestParam(required = false) String severity,
                                     @RequestParam(required = false) Boolean open,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        String level = severity == null ? null : severity.strip().toUpperCase(Locale.ROOT);
        if (level != null && !SEVERITIES.contains(level)) {
            throw new InvalidInputException("severity", "must be one of " + SEVERITIES + ", not '" + severity + "'");
        }
        return search.page(new HealthEventSearch.Filter(nodeId, poolId, level, open), PageQuery.of(page, size, null, "lastSeen,desc"));
    }
}

package io.devops.platform.execution;

import io.devops.platform.acceptance.AcceptanceGroups;
import io.devops.platform.acceptance.AcceptanceGroups.GroupRow;
import io.devops.platform.identity.TenantAware;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The group table of a run's multi-node acceptance steps: scales, measurements, lines and the bisection. */
@RestController
@TenantAware
@RequestMapping("/api/v1")
class RunGroupsController {

    private final RunAccess access;
    private final AcceptanceGroups groups;

    RunGroupsController(RunAccess access, AcceptanceGroups groups) {
        this.access = access;
        this.groups = groups;
    }

    /** Empty for a run without multi-node steps at scales; a run the caller may not see answers 404 like a missing one. */
    @GetMapping("/runs/{id}/groups")
    List<GroupRow> groups(@PathVariable long id) {
        access.visible(id);
        return groups.ofRun(id);
    }
}

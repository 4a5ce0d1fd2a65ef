package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.PendingEnrollments.PendingRow;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ADMINs decide on enrolments that declared a known node's address. Approving revokes the node's
 * agent at once (its commands end LOST) and lets the waiting agent claim a credential; rejecting
 * leaves the node as it is. Both are audited with the declared facts beside the known ones.
 */
@RestController
@RequestMapping("/api/v1/agent-enrollments")
@Transactional
class PendingEnrollmentsController {

    private final PendingEnrollments pending;
    private final NodeRegistry registry;
    private final AgentRevocation revocation;
    private final NodeAudit audit;
    private final JsonMapper json;
    private final Clock clock;

    PendingEnrollmentsController(PendingEnrollments pending, NodeRegistry registry, AgentRevocation revocation,
                                 NodeAudit audit, JsonMapper json, Clock clock) {
        this.pending = pending;
        this.registry = registry;
        this.revocation = revocation;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** {@code ?status=PENDING} (the default) or APPROVED, REJECTED, CLAIMED, ALL; newest first. */
    @GetMapping
    PageResult<PendingEnrollmentView> list(@RequestParam(defaultValue = "PENDING") String status,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) String sort, Authentication caller) {
        EnrollmentTokensController.requireAdmin(caller);
        PendingStatus wanted = status.equalsIgnoreCase("ALL") ? null : parse(status);
        return pending.page(wanted, PageQuery.of(page, size, sort, "id,desc")).map(this::view);
    }

    @GetMapping("/{id}")
    PendingEnrollmentView get(@PathVariable long id, Authentication caller) {
        EnrollmentTokensController.requireAdmin(caller);
        return view(row(id));
    }

    @PostMapping("/{id}/approve")
    PendingEnrollmentView approve(@PathVariable long id, @Valid @RequestBody(required = false) Decision decision,
                                  Authentication caller) {
        EnrollmentTokensController.requireAdmin(caller);
        PendingEnrollmentView before = decide(id, PendingStatus.APPROVED, decision, caller);
        Instant now = clock.instant();
        AgentRevocation.CutOff cut = revocation.cutOff(before.nodeId(), now, caller.getName(),
                "the node's agent was replaced: " + caller.getName() + " approved pending enrolment " + id);
        audit.record(before.nodeId(), "agent-enrollment.approved", "agent-enrollment", id, caller.getName() + " approved the agent that declared "
                        + before.declaredIp() + " for node " + before.nodeId()
                        + (cut.credentials() > 0 ? "; the node's previous agent credential was revoked" : "")
                        + (cut.lostCommands() > 0 ? " and " + cut.lostCommands() + " unfinished command(s) ended LOST" : ""),
                before.known(), PendingEnrollmentView.declaredSide(before));
        return get(id, caller);
    }

    @PostMapping("/{id}/reject")
    PendingEnrollmentView reject(@PathVariable long id, @Valid @RequestBody(required = false) Decision decision,
                                 Authentication caller) {
        EnrollmentTokensController.requireAdmin(caller);
        PendingEnrollmentView before = decide(id, PendingStatus.REJECTED, decision, caller);
        audit.record(before.nodeId(), "agent-enrollment.rejected", "agent-enrollment", id, caller.getName() + " rejected the agent that declared "
                + before.declaredIp() + " for node " + before.nodeId(), before.known(), PendingEnrollmentView.declaredSide(before));
        return get(id, caller);
    }

    private PendingEnrollmentView decide(long id, PendingStatus to, Decision decision, Authentication caller) {
        PendingEnrollmentView before = view(row(id));
        if (!pending.decide(id, PendingStatus.PENDING, to, caller.getName(), decision == null ? null : decision.comment(),
                clock.instant())) {
            throw new ConflictException("Pending enrolment " + id + " is " + before.status()
                    + (before.decidedBy() == null ? "" : " (decided by " + before.decidedBy() + " at " + before.decidedAt() + ")")
                    + "; only a PENDING one can be approved or rejected");
        }
        return before;
    }

    private PendingRow row(long id) {
        return pending.byId(id).orElseThrow(() -> new NotFoundException("Pending enrolment", id));
    }

    private PendingEnrollmentView view(PendingRow row) {
        JsonNode facts = row.factsJson().isEmpty() ? null : json.readTree(row.factsJson());
        return PendingEnrollmentView.of(row, facts, registry.known(row.nodeId()).orElse(null));
    }

    private static PendingStatus parse(String status) {
        try {
            return PendingStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "'" + status + "' is not one of "
                    + Arrays.toString(PendingStatus.values()) + " or ALL");
        }
    }

    record Decision(@Size(max = 1000) String comment) {
    }
}

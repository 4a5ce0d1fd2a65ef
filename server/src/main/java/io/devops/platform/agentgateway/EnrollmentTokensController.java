package io.devops.platform.agentgateway;

import io.devops.platform.agentgateway.EnrollmentTokens.EnrollmentTokenView;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.Role;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** ADMINs create, list and revoke enrolment tokens; a token is shown once, at creation. */
@RestController
@RequestMapping("/api/v1/agent-enrollment-tokens")
@Transactional
class EnrollmentTokensController {

    private final EnrollmentTokens tokens;
    private final NodeRegistry registry;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    EnrollmentTokensController(EnrollmentTokens tokens, NodeRegistry registry, JdbcClient jdbc, AuditTrail audit,
                               Clock clock) {
        this.tokens = tokens;
        this.registry = registry;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedToken create(@Valid @RequestBody NewToken request, Authentication caller) {
        requireAdmin(caller);
        if (request.nodePoolId() != null && !poolExists(request.nodePoolId())) {
            throw new NotFoundException("Node pool", request.nodePoolId());
        }
        if (request.nodeId() != null) {
            requireOneNode(request);
        }
        String token = Secrets.newSecret(Secrets.ENROLLMENT_PREFIX);
        Instant now = clock.instant();
        int minutes = request.expiresInMinutes() == null ? 60 : request.expiresInMinutes();
        long id = tokens.insert(Secrets.sha256(token), Secrets.displayPrefix(token), request.description(),
                request.nodePoolId(), request.nodeId(), request.maxUses() == null ? 1 : request.maxUses(), now.plus(Duration.ofMinutes(minutes)),
                now, caller.getName());
        EnrollmentTokenView view = tokens.byId(id).orElseThrow();
        audit.record("agent-enrollment-token.created", "agent-enrollment-token", id, caller.getName()
                + " created enrolment token " + view.prefix() + "… for " + (view.nodeId() != null
                ? "re-enrolling node " + view.nodeId() : view.maxUses() + " agent(s)"), null, view);
        return new CreatedToken(view.id(), token, view.prefix(), view.description(), view.nodePoolId(), view.nodeId(),
                view.maxUses(),
                view.uses(), view.expiresAt(), view.createdAt(), view.createdBy());
    }

    /** Live tokens, or all of the latest 500 with {@code ?all=true}. */
    @GetMapping
    List<EnrollmentTokenView> list(@RequestParam(defaultValue = "false") boolean all, Authentication caller) {
        requireAdmin(caller);
        return tokens.list(all, clock.instant());
    }

    @GetMapping("/{id}")
    EnrollmentTokenView get(@PathVariable long id, Authentication caller) {
        requireAdmin(caller);
        return tokens.byId(id).orElseThrow(() -> new NotFoundException("Enrolment token", id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Authentication caller) {
        requireAdmin(caller);
        EnrollmentTokenView token = get(id, caller);
        if (!tokens.revoke(id, clock.instant(), caller.getName())) {
            throw new ConflictException("Enrolment token " + id + " was already revoked at " + token.revokedAt());
        }
        audit.record("agent-enrollment-token.revoked", "agent-enrollment-token", id, caller.getName()
                + " revoked enrolment token " + token.prefix() + "…", token, null);
    }

    /** The URL rules let OPERATORs write under /api; enrolment tokens let machines in, so they are ADMIN only. */
    static void requireAdmin(Authentication caller) {
        if (!Role.ADMIN.heldBy(caller)) {
            throw AgentRefusedException.forbidden("Only an ADMIN manages agent enrolment tokens");
        }
    }

    /** A node-bound token replaces that node's agent: it names no pool and lets exactly one agent in. */
    private void requireOneNode(NewToken request) {
        if (request.nodePoolId() != null) {
            throw new InvalidInputException("nodePoolId", "a token bound to node " + request.nodeId()
                    + " enrols into that node's pool; leave nodePoolId out");
        }
        if (request.maxUses() != null && request.maxUses() != 1) {
            throw new InvalidInputException("maxUses", "a token bound to node " + request.nodeId()
                    + " re-enrols that one node once; leave maxUses out or set it to 1");
        }
        if (registry.known(request.nodeId()).isEmpty()) {
            throw new NotFoundException("Node", request.nodeId());
        }
    }

    /** Pools belong to the inventory, which offers no query for them yet; a read-only check. */
    private boolean poolExists(long poolId) {
        return jdbc.sql("SELECT COUNT(*) FROM node_pools WHERE id = ?").param(poolId).query(Long.class).single() > 0;
    }

    record NewToken(@Min(1) @Max(525_600) Integer expiresInMinutes, @Min(1) @Max(100_000) Integer maxUses,
                    Long nodePoolId, Long nodeId, @Size(max = 500) String description) {
    }

    /** The only answer that ever contains the token itself. */
    record CreatedToken(long id, String token, String prefix, String description, Long nodePoolId, Long nodeId,
                        int maxUses, int uses,
                        Instant expiresAt, Instant createdAt, String createdBy) {
    }
}

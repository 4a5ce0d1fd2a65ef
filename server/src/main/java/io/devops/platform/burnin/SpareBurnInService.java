package io.devops.platform.burnin;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.shared.ConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and sets a pool's recurring burn-in. Only the spare pool (the one pool of no tenant) takes one:
 * a tenant's nodes are delivered or about to be. A change is audited, and the pool is looked at one poll
 * interval after it.
 */
@Service
@Transactional
class SpareBurnInService {

    private final SpareBurnIns settings;
    private final NodePlacement placement;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration interval;

    SpareBurnInService(SpareBurnIns settings, NodePlacement placement, AuditTrail audit, Clock clock,
                       @Value("${devops.burn-in.poll-interval:5m}") Duration interval) {
        this.settings = settings;
        this.placement = placement;
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
    }

    /** The pool's setting; a disabled one with the defaults when it has none. */
    @Transactional(readOnly = true)
    SpareBurnInView get(long poolId) {
        placement.pool(poolId);
        return settings.of(poolId).map(SpareBurnInView::of).orElseGet(() -> SpareBurnInView.none(poolId));
    }

    SpareBurnInView set(long poolId, SpareBurnInView.Request request) {
        NodePlacement.Pool pool = placement.pool(poolId);
        if (!pool.spare()) {
            throw new ConflictException("Node pool " + pool.name() + " is not the spare pool: only idle spare nodes get a recurring"
                    + " burn-in, never a tenant's");
        }
        SpareBurnInView.Settings valid = request.validated();
        SpareBurnInView before = get(poolId);
        Instant now = clock.instant();
        settings.save(new SpareBurnIn(poolId, valid.tier(), valid.everyDays(), valid.maxNodesAtOnce(), valid.enabled(),
                now.plus(interval), null, null, CurrentActor.name(), now));
        SpareBurnInView after = get(poolId);
        audit.recordInTenant(null, "spare-burn-in.changed", "node-pool", poolId, "Recurring burn-in of node pool " + pool.name() + ": "
                + (valid.enabled() ? valid.tier() + " every " + valid.everyDays() + " day(s), at most " + valid.maxNodesAtOnce()
                + " node(s) at once" : "off"), before, after);
        return after;
    }
}

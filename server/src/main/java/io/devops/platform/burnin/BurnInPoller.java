package io.devops.platform.burnin;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.inventory.NodeUsage;
import io.devops.platform.lifecycle.BurnInHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at the pools whose recurring burn-in is due: claims the look first (its next time moved on
 * only where it still holds the planned one, so of several server instances exactly one looks), then
 * starts the tier's burn-in on the pool's due nodes, at most as many as the pool allows at once less
 * those still burning in, in one transaction with the record of each start.
 */
@Component
class BurnInPoller {

    private static final Logger log = LoggerFactory.getLogger(BurnInPoller.class);

    private final SpareBurnIns settings;
    private final NodeTargets targets;
    private final NodeUsage usage;
    private final BurnInHistory history;
    private final BurnInLauncher launcher;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration interval;

    BurnInPoller(SpareBurnIns settings, NodeTargets targets, NodeUsage usage, BurnInHistory history, BurnInLauncher launcher,
                 AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
                 @Value("${devops.burn-in.poll-interval:5m}") Duration interval) {
        this.settings = settings;
        this.targets = targets;
        this.usage = usage;
        this.history = history;
        this.launcher = launcher;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        this.interval = interval;
    }

    /** Looks at every pool due now; answers how many nodes this instance started burn-ins on. */
    int lookAtDue() {
        Instant now = clock.instant();
        int started = 0;
        for (SpareBurnIn setting : settings.due(now)) {
            if (!settings.claim(setting.poolId(), setting.nextLookAt(), now.plus(interval), now)) {
                continue; // another instance looks at this pool
            }
            try {
                started += transactions.execute(status -> lookAt(setting, now));
            } catch (RuntimeException refused) {
                log.warn("Spare burn-in of pool {}: not started: {}", setting.poolId(), refused.getMessage());
                settings.outcome(setting.poolId(), "not started: " + refused.getMessage());
            }
        }
        return started;
    }

    private int lookAt(SpareBurnIn setting, Instant now) {
        List<TargetNode> members = targets.resolve(List.of(), List.of(setting.poolId())).nodes();
        List<NodeUsage.Use> uses = usage.usesOf(ids(members));
        List<Candidate> candidates = candidates(setting, members, uses);
        Set<Long> active = launcher.active(setting.poolId());
        long inFlight = uses.stream().filter(use -> active.contains(use.runId())).map(NodeUsage.Use::nodeId).distinct().count();
        Duration period = Duration.ofDays(setting.everyDays());
        List<Candidate> start = Candidate.toStart(candidates, now, period, setting.maxNodesAtOnce() - (int) inFlight);
        long due = candidates.stream().filter(candidate -> candidate.dueAt(now, period)).count();
        if (start.isEmpty()) {
            settings.outcome(setting.poolId(), "nothing started: " + due + " node(s) due, " + inFlight + " of at most "
                    + setting.maxNodesAtOnce() + " burning in");
            return 0;
        }
        List<String> ips = start.stream().map(Candidate::ip).toList();
        long runId = launcher.start(setting.poolId(), setting.tier(), ips);
        start.forEach(candidate -> settings.started(setting.poolId(), candidate.nodeId(), setting.tier(), runId, now));
        String summary = "Started a " + setting.tier() + " burn-in of " + start.size() + " idle node(s) of node pool "
                + setting.poolId() + " in run " + runId + ": " + String.join(", ", ips);
        settings.outcome(setting.poolId(), summary + (due > start.size() ? " (" + (due - start.size()) + " more due)" : ""));
        audit.recordInTenant(null, "spare-burn-in.started", "node-pool", setting.poolId(), summary, null,
                Map.of("runId", runId, "tier", setting.tier(), "nodeIds", start.stream().map(Candidate::nodeId).toList()));
        return start.size();
    }

    /** The pool's nodes; the verdicts behind a node's last pass are read only for nodes that could be due (READY, free). */
    private List<Candidate> candidates(SpareBurnIn setting, List<TargetNode> members, List<NodeUsage.Use> uses) {
        List<Long> ids = ids(members);
        Map<Long, String> states = targets.lifecycleStates(ids);
        Map<Long, String> locks = targets.locksOn(ids);
        Set<Long> busy = uses.stream().map(NodeUsage.Use::nodeId).collect(Collectors.toSet());
        Map<Long, Instant> started = settings.lastStarts(ids);
        return members.stream().map(node -> {
            Candidate free = new Candidate(node.id(), node.ip(), states.get(node.id()), locks.containsKey(node.id()),
                    busy.contains(node.id()), null, started.get(node.id()));
            return free.couldBeDue() ? free.passed(history.lastPassed(node.id(), setting.tier()).orElse(null)) : free;
        }).toList();
    }

    private static List<Long> ids(List<TargetNode> nodes) {
        return nodes.stream().map(TargetNode::id).toList();
    }
}

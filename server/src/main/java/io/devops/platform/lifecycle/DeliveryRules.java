package io.devops.platform.lifecycle;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.acceptance.AcceptanceVerdicts.NodeVerdict;
import io.devops.platform.inventory.NodePlacement.PlacedNode;
import io.devops.platform.inventory.NodePlacement.Pool;
import io.devops.platform.inventory.PoolManifest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a node lacks to be delivered into a pool: READY; a latest verdict for at least one check and
 * every check's latest verdict PASS or WARN (missing evidence is an ERROR, so it never passes); none
 * of them older than the pool's limit; the driver, CUDA and Fabric Manager versions the pool's spec
 * names. Nothing passes by default: an unknown version is missing, never a match.
 */
@Component
class DeliveryRules {

    private final AcceptanceVerdicts verdicts;
    private final Clock clock;

    DeliveryRules(AcceptanceVerdicts verdicts, Clock clock) {
        this.verdicts = verdicts;
        this.clock = clock;
    }

    /** Empty when the node may be delivered into {@code pool}; else one sentence per missing thing. */
    List<String> missing(PlacedNode node, NodeState state, Pool pool) {
        List<String> missing = new ArrayList<>();
        if (state != NodeState.READY) {
            missing.add("it is " + state + ", not READY");
        }
        PoolManifest spec = pool.manifest() == null ? PoolManifest.none() : pool.manifest();
        acceptance(node, pool, spec, missing);
        version(missing, "driver", spec.driverVersion(), Facts.text(node.facts(), "gpu", "driverVersion"), pool);
        version(missing, "CUDA", spec.cudaVersion(), Facts.text(node.facts(), "gpu", "cudaVersion"), pool);
        version(missing, "Fabric Manager", spec.fabricManagerVersion(), Facts.text(node.facts(), "gpu", "fabricManagerVersion"), pool);
        return missing;
    }

    private void acceptance(PlacedNode node, Pool pool, PoolManifest spec, List<String> missing) {
        List<NodeVerdict> latest = verdicts.latestOf(node.id());
        if (latest.isEmpty()) {
            missing.add("no acceptance verdict: run the acceptance checks on it");
            return;
        }
        latest.stream().filter(verdict -> !verdict.result().verdict().passes()).forEach(verdict -> missing.add("check "
                + verdict.result().check() + " is " + verdict.result().verdict() + " (" + verdict.result().reason() + ", run "
                + verdict.runId() + "): " + verdict.result().message()));
        Instant oldest = latest.stream().map(NodeVerdict::at).min(Comparator.naturalOrder()).orElseThrow();
        Duration limit = Duration.ofDays(spec.maxAgeDays());
        if (oldest.isBefore(clock.instant().minus(limit))) {
            missing.add("its acceptance is too old: judged " + oldest + ", pool " + pool.name() + " accepts at most "
                    + spec.maxAgeDays() + " day(s); run the acceptance checks again");
        }
    }

    private static void version(List<String> missing, String what, String wanted, String actual, Pool pool) {
        if (wanted == null) {
            return;
        }
        if (actual == null) {
            missing.add(what + " version unknown (the node's agent reported none), pool " + pool.name() + " wants " + wanted);
        } else if (!Versions.matches(wanted, actual)) {
            missing.add(what + " version mismatch: " + actual + " where pool " + pool.name() + " wants " + wanted);
        }
    }
}

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
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a node lacks to be delivered into a pool: READY; a latest verdict for at least one check and
 * every check's latest verdict PASS or WARN (missing evidence is an ERROR, so it never passes); none
 * of them older than the pool's limit, or, when the pool names a burn-in tier, a run that reached at
 * least that tier within the tier's days ({@link TierEvidence}); the driver, CUDA and Fabric Manager
 * versions the pool's spec names. Nothing passes by default: an unknown version is missing, never a match.
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
        if (spec.deliveryTier() != null) {
            tier(node, pool, spec, BurnInTier.valueOf(spec.deliveryTier()), missing);
            return;
        }
        Instant oldest = latest.stream().map(NodeVerdict::at).min(Comparator.naturalOrder()).orElseThrow();
        Duration limit = Duration.ofDays(spec.maxAgeDays());
        if (oldest.isBefore(clock.instant().minus(limit))) {
            missing.add("its acceptance is too old: judged " + oldest + ", pool " + pool.name() + " accepts at most "
                    + spec.maxAgeDays() + " day(s); run the acceptance checks again");
        }
    }

    /** A tier replaces the age rule: the pool asks for a run of that tier, not for every check's latest verdict being young. */
    private void tier(PlacedNode node, Pool pool, PoolManifest spec, BurnInTier needed, List<String> missing) {
        List<TierEvidence.Reached> reached = TierEvidence.of(verdicts.ofNode(node.id()));
        Instant now = clock.instant();
        Optional<TierEvidence.Reached> enough = TierEvidence.newestAtLeast(reached, needed);
        if (enough.isPresent() && !enough.get().at().isBefore(now.minus(Duration.ofDays(spec.tierDays())))) {
            return;
        }
        String has = reached.isEmpty() ? "it has passed no burn-in tier" : "it has " + describe(reached.get(0), now);
        String old = enough.filter(run -> run != reached.get(0)).map(run -> ", and " + describe(run, now)).orElse("");
        missing.add("pool " + pool.name() + " needs a " + needed + " burn-in passed within " + spec.tierDays() + " day(s); " + has
                + old + ": run the built-in template 'Burn-in " + needed.name().toLowerCase(Locale.ROOT) + "' on it");
    }

    private static String describe(TierEvidence.Reached run, Instant now) {
        return run.tier() + " passed " + Duration.between(run.at(), now).toDays() + " day(s) ago (run " + run.runId() + ", "
                + run.at() + ")";
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

package io.devops.platform.burnin;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.acceptance.AcceptanceVerdicts;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.inventory.NodePlacement;
import io.devops.platform.inventory.NodeRegistry;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.inventory.NodeUsage;
import io.devops.platform.lifecycle.BurnInHistory;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The recurring burn-in driven by a clock the test moves. The clock starts in 2031, so the
 * application's own poller (on the real clock) never finds the spare pool's setting due; the runs are
 * recorded by a launcher of the test, whose runs hold their nodes until the test ends them. The spare
 * pool is shared with other tests, so each test speaks of its own nodes only.
 */
class SpareBurnInPollerTests extends ApiTest {

    private static final Duration POLL = Duration.ofMinutes(5);

    @Autowired
    private SpareBurnIns settings;
    @Autowired
    private NodePlacement placement;
    @Autowired
    private NodeTargets targets;
    @Autowired
    private NodeUsage usage;
    @Autowired
    private BurnInHistory history;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private NodeRegistry registry;
    @Autowired
    private AcceptanceVerdicts verdicts;
    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private BurnInLauncher.ThroughJob throughJob;

    private final MovableClock clock = new MovableClock(Instant.parse("2031-05-04T03:00:00Z"));
    private final RecordingLauncher launcher = new RecordingLauncher();
    private final Map<Long, NodeUsage.Use> otherRuns = new ConcurrentHashMap<>();
    private SpareNodes nodes;
    private long spare;

    @BeforeEach
    void spareNodes() {
        nodes = new SpareNodes(admin(), ApiTest::uniqueIp, registry, verdicts, events);
        spare = admin().get("/api/v1/nodes/" + nodes.newNode()).json().get("nodePoolId").asLong();
    }

    @AfterEach
    void stopTheBurnIn() {
        service().set(spare, new SpareBurnInView.Request(false, null, null, null));
    }

    @Test
    void aLookStartsExactlyTheDueIdleNodesAndASecondLookStartsNothingAgain() {
        Instant now = clock.instant();
        long stale = nodes.readyNode(now.minus(Duration.ofDays(10)), SpareNodes.STANDARD);
        long quickOnly = nodes.readyNode(now.minus(Duration.ofDays(1)), List.of("gpu_inventory", "xid", "ecc", "row_remap", "dcgm_diag"));
        long fresh = nodes.readyNode(now.minus(Duration.ofDays(1)), SpareNodes.STANDARD);
        long locked = nodes.readyNode(now.minus(Duration.ofDays(30)), List.of("gpu_inventory"));
        long busy = nodes.readyNode(now.minus(Duration.ofDays(30)), List.of("gpu_inventory"));
        long failed = nodes.failedNode(now.minus(Duration.ofDays(30)));
        long unaccepted = nodes.newNode();
        assertThat(admin().post("/api/v1/nodes/" + locked + "/lock", "{\"reason\":\"cabling\"}").status()).isEqualTo(200);
        otherRuns.put(busy, new NodeUsage.Use(busy, 1, "someone's job", "RUNNING"));
        List<Long> mine = List.of(stale, quickOnly, fresh, locked, busy, failed, unaccepted);
        mine.forEach(launcher::track);
        standardEveryWeek(1000);

        clock.advance(POLL);
        poller().lookAtDue();
        Set<Long> first = launcher.startedAmong(mine);
        clock.advance(POLL);
        int again = poller().lookAtDue();
        launcher.endAll();
        clock.advance(POLL);
        poller().lookAtDue();

        assertThat(first).containsExactlyInAnyOrder(stale, quickOnly);
        assertThat(launcher.starts).allSatisfy(start -> assertThat(start.tier()).isEqualTo("STANDARD"));
        assertThat(again).as("every node started is still burning in").isZero();
        assertThat(launcher.startedAmong(mine)).as("ended runs are not started again within the week").containsExactlyInAnyOrder(stale,
                quickOnly);
        assertThat(settings.lastStarts(List.of(stale, quickOnly))).hasSize(2);
        assertThat(settings.of(spare).orElseThrow().lastOutcome()).startsWith("nothing started: ");
    }

    @Test
    void aNodeIsDueAgainOnceItsLastBurnInIsOlderThanThePeriodAndTwoInstancesLookOnce() {
        Instant now = clock.instant();
        long node = launcher.track(nodes.readyNode(now.minus(Duration.ofDays(10)), SpareNodes.STANDARD));
        standardEveryWeek(1000);
        clock.advance(POLL);

        int byOne = poller().lookAtDue();
        int byOther = poller().lookAtDue();
        launcher.endAll();
        nodes.burntIn(node, clock.instant());
        clock.advance(Duration.ofDays(6));
        poller().lookAtDue();
        List<Long> withinTheWeek = launcher.startsOf(node);
        clock.advance(Duration.ofDays(2));
        poller().lookAtDue();

        assertThat(byOne).isPositive();
        assertThat(byOther).as("the look was claimed by the first instance").isZero();
        assertThat(withinTheWeek).hasSize(1);
        assertThat(launcher.startsOf(node)).as("8 days after its last burn-in").hasSize(2);
    }

    @Test
    void theRealLauncherStartsTheTiersTemplateAsARunOfThePoolsOwnJob() {
        String ip = nodes.ip(nodes.newNode());

        long run = new TransactionTemplate(transactions).execute(status -> throughJob.start(spare, "QUICK", List.of(ip)));
        admin().post("/api/v1/runs/" + run + "/cancel", "{}");

        JsonNode detail = admin().get("/api/v1/runs/" + run).json();
        assertThat(detail.get("jobName").asString()).isEqualTo("spare-burn-in-pool-" + spare);
        assertThat(detail.get("executedBy").asString()).isEqualTo("spare-burn-in:" + spare);
        assertThat(detail.get("kind").asString()).isEqualTo("SCHEDULED");
        assertThat(detail.toString()).contains(ip);
    }

    private void standardEveryWeek(int atOnce) {
        service().set(spare, new SpareBurnInView.Request(true, "standard", 7, atOnce));
    }

    private SpareBurnInService service() {
        return new SpareBurnInService(settings, placement, audit, clock, POLL);
    }

    private BurnInPoller poller() {
        NodeUsage withOtherRuns = ids -> {
            List<NodeUsage.Use> uses = new ArrayList<>(usage.usesOf(ids));
            ids.stream().map(otherRuns::get).filter(Objects::nonNull).forEach(uses::add);
            launcher.uses(ids).forEach(uses::add);
            return uses;
        };
        return new BurnInPoller(settings, targets, withOtherRuns, history, launcher, audit, transactions, clock, POLL);
    }

    /** Records each start; a started run holds the test's nodes it started on (a use of them) until {@link #endAll}. */
    private final class RecordingLauncher implements BurnInLauncher {

        record Start(long runId, String tier, List<String> ips) {
        }

        private static final AtomicLong RUNS = new AtomicLong(940_000_000L + System.nanoTime() % 1_000_000);
        final List<Start> starts = new ArrayList<>();
        private final Set<Long> active = new HashSet<>();
        private final Map<Long, String> ipOf = new ConcurrentHashMap<>();

        @Override
        public synchronized long start(long poolId, String tier, List<String> nodeIps) {
            long run = RUNS.incrementAndGet();
            starts.add(new Start(run, tier, List.copyOf(nodeIps)));
            active.add(run);
            return run;
        }

        @Override
        public synchronized Set<Long> active(long poolId) {
            return Set.copyOf(active);
        }

        synchronized void endAll() {
            active.clear();
        }

        /** The uses of the test's nodes by the active runs that started on them. */
        synchronized List<NodeUsage.Use> uses(Collection<Long> ids) {
            return ids.stream().filter(ipOf::containsKey).flatMap(id -> runsOn(id).stream().filter(active::contains)
                    .map(run -> new NodeUsage.Use(id, run, "spare-burn-in", "RUNNING"))).toList();
        }

        Set<Long> startedAmong(List<Long> nodeIds) {
            return nodeIds.stream().filter(id -> !startsOf(id).isEmpty()).collect(Collectors.toSet());
        }

        List<Long> startsOf(long nodeId) {
            return runsOn(nodeId);
        }

        /** Makes the node one of the test's, known by its IP. */
        long track(long nodeId) {
            ipOf.put(nodeId, nodes.ip(nodeId));
            return nodeId;
        }

        private synchronized List<Long> runsOn(long nodeId) {
            String ip = ipOf.get(nodeId);
            return starts.stream().filter(start -> start.ips().contains(ip)).map(Start::runId).toList();
        }
    }
}

package io.devops.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.platform.execution.ScheduledRuns.ActiveRun;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.job.JobPermissions;
import io.devops.platform.support.ApiTest;
import io.devops.platform.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The poller driven by a clock the test moves. Its schedules start in 2027, so the application's
 * own poller (on the real clock) never finds them due; the runs are recorded by a {@link JobStarter}
 * of the test, except in the last tests, which start real runs through the execution module.
 */
class SchedulePollerTests extends ApiTest {

    @Autowired
    private Schedules schedules;
    @Autowired
    private JobPermissions jobs;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private JobStarter.ThroughExecution execution;

    private final MovableClock clock = new MovableClock(Instant.parse("2027-03-28T00:55:30Z"));
    private final RecordingStarter starter = new RecordingStarter(clock);

    private SchedulePoller poller(JobStarter runs) {
        return new SchedulePoller(schedules, runs, transactions, clock);
    }

    private Schedule schedule(long jobId, String cron, String zone, String overlap, String missed) {
        ScheduleService service = new ScheduleService(schedules, jobs, audit, clock);
        return service.create(jobId, ScheduleSettings.parse(cron, zone, null, true, overlap, missed, null));
    }

    private long job() {
        return ScheduleFixtures.job(admin(), ApiTest::unique, ApiTest::uniqueIp);
    }

    /** Polls every {@code step} until {@code until}, as the recurring task does. */
    private void pollUntil(SchedulePoller poller, Duration step, Instant until) {
        while (clock.instant().isBefore(until)) {
            clock.advance(step);
            poller.startDue();
        }
    }

    private Schedule reread(Schedule schedule) {
        return schedules.get(schedule.id()).orElseThrow();
    }

    @Test
    void anEveryMinuteScheduleStartsOncePerRealMinuteAcrossBothChanges() {
        long jobId = job();
        schedule(jobId, "* * * * *", "Europe/Berlin", "QUEUE_ONE", "SKIP");

        pollUntil(poller(starter), Duration.ofSeconds(20), Instant.parse("2027-03-28T01:05:30Z"));
        // 01:56 CET ... 01:59 CET, then 03:00 CEST (01:00Z) ... 03:05 CEST: ten starts, a minute apart.
        assertStartedEveryMinute(starter.startsOf(jobId), Instant.parse("2027-03-28T00:56:00Z"), 10);

        clock.set(Instant.parse("2027-10-31T00:55:30Z")); // the months between are skipped as missed
        pollUntil(poller(starter), Duration.ofSeconds(20), Instant.parse("2027-10-31T01:05:30Z"));
        // 02:56 CEST ... 02:59 CEST, then 02:00 CET (01:00Z) ... 02:05 CET: the repeated hour runs in real time.
        List<Instant> autumn = starter.startsOf(jobId).subList(10, starter.startsOf(jobId).size());
        assertStartedEveryMinute(autumn, Instant.parse("2027-10-31T00:56:00Z"), 10);
    }

    /** {@code count} starts, each within one poll (20 s) of its minute, a minute apart from {@code first}. */
    private static void assertStartedEveryMinute(List<Instant> starts, Instant first, int count) {
        assertThat(starts).hasSize(count);
        Instant planned = first;
        for (Instant start : starts) {
            assertThat(start).as("the start planned at %s", planned).isBetween(planned, planned.plusSeconds(19));
            planned = planned.plus(Duration.ofMinutes(1));
        }
    }

    @Test
    void aDaily0230ScheduleStartsOnceOnEachChangeDay() {
        long jobId = job();
        clock.set(Instant.parse("2027-03-27T00:00:00Z"));
        schedule(jobId, "30 2 * * *", "Europe/Berlin", "QUEUE_ONE", "SKIP");

        pollUntil(poller(starter), Duration.ofMinutes(10), Instant.parse("2027-03-29T23:00:00Z"));
        assertThat(starter.startsOf(jobId)).containsExactly(Instant.parse("2027-03-27T01:30:00Z"),
                Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-29T00:30:00Z"));

        clock.set(Instant.parse("2027-10-30T00:00:00Z")); // the months between are skipped as missed
        pollUntil(poller(starter), Duration.ofMinutes(10), Instant.parse("2027-11-01T23:00:00Z"));
        assertThat(starter.startsOf(jobId)).containsSequence(Instant.parse("2027-10-30T00:30:00Z"),
                Instant.parse("2027-10-31T00:30:00Z"), Instant.parse("2027-11-01T01:30:00Z")).hasSize(6);
    }

    @Test
    void overlapSkipLeavesOutAStartWhileItsRunIsStillGoing() {
        long jobId = job();
        clock.set(Instant.parse("2027-05-01T10:00:30Z"));
        Schedule schedule = schedule(jobId, "* * * * *", "UTC", "SKIP", "RUN_ONCE");
        starter.keepRunning = true;
        SchedulePoller poller = poller(starter);

        pollUntil(poller, Duration.ofMinutes(1), Instant.parse("2027-05-01T10:02:30Z"));

        assertThat(starter.startsOf(jobId)).hasSize(1);
        long firstRun = reread(schedule).lastRunId();
        assertThat(reread(schedule).lastOutcome()).isEqualTo("skipped: run " + firstRun + " is RUNNING (overlap SKIP)");
        starter.finishAll();
        pollUntil(poller, Duration.ofMinutes(1), Instant.parse("2027-05-01T10:03:30Z"));
        assertThat(starter.startsOf(jobId)).hasSize(2);
        assertThat(reread(schedule).lastOutcome()).startsWith("started run ");
    }

    @Test
    void overlapQueueOneStartsOneMoreRunWhileTheFirstIsGoing() {
        long jobId = job();
        clock.set(Instant.parse("2027-05-02T10:00:30Z"));
        Schedule schedule = schedule(jobId, "* * * * *", "UTC", "QUEUE_ONE", "RUN_ONCE");
        starter.keepRunning = true;

        pollUntil(poller(starter), Duration.ofMinutes(1), Instant.parse("2027-05-02T10:03:30Z"));

        assertThat(starter.startsOf(jobId)).hasSize(2);
        assertThat(reread(schedule).lastOutcome()).startsWith("skipped: run ").endsWith("(overlap QUEUE_ONE)");
    }

    @Test
    void startsMissedWhileNoInstanceRanRunOnceOrAreSkippedAsChosen() {
        long runOnceJob = job();
        long skipJob = job();
        clock.set(Instant.parse("2027-06-01T10:00:30Z"));
        Schedule runOnce = schedule(runOnceJob, "* * * * *", "UTC", "SKIP", "RUN_ONCE");
        Schedule skip = schedule(skipJob, "* * * * *", "UTC", "SKIP", "SKIP");

        clock.set(Instant.parse("2027-06-01T10:10:30Z")); // every instance was down for ten minutes
        SchedulePoller poller = poller(starter);
        poller.startDue();
        poller.startDue();

        assertThat(starter.startsOf(runOnceJob)).containsExactly(clock.instant());
        assertThat(starter.startsOf(skipJob)).isEmpty();
        assertThat(reread(skip).lastOutcome()).isEqualTo("skipped: missed while no server was running");
        assertThat(reread(runOnce).nextStartAt()).isEqualTo(Instant.parse("2027-06-01T10:11:00Z"));
        assertThat(reread(skip).nextStartAt()).isEqualTo(Instant.parse("2027-06-01T10:11:00Z"));
    }

    @Test
    void twoPollersRacingOverTheSameStartsStartEachExactlyOnce() throws Exception {
        clock.set(Instant.parse("2027-07-01T10:00:30Z"));
        List<Long> jobIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobIds.add(job());
            schedule(jobIds.get(i), "* * * * *", "UTC", "QUEUE_ONE", "RUN_ONCE");
        }
        clock.set(Instant.parse("2027-07-01T10:01:05Z"));
        CountDownLatch ready = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                SchedulePoller poller = poller(starter);
                claimed.add(threads.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return poller.startDue();
                }));
            }
            for (Future<Integer> each : claimed) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        for (long jobId : jobIds) {
            assertThat(starter.startsOf(jobId)).as("job %d", jobId).hasSize(1);
        }
    }

    @Test
    void aScheduledRunNamesItsScheduleAsItsStarter() {
        long nodeId = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\"}").id();
        long jobId = ScheduleFixtures.job(admin(), ApiTest::unique, nodeId);
        clock.set(Instant.parse("2027-08-01T10:00:30Z"));
        Schedule schedule = schedule(jobId, "* * * * *", "UTC", "QUEUE_ONE", "RUN_ONCE");

        pollUntil(poller(execution), Duration.ofMinutes(1), Instant.parse("2027-08-01T10:01:30Z"));

        Long runId = reread(schedule).lastRunId();
        assertThat(runId).as(reread(schedule).lastOutcome()).isNotNull();
        var run = admin().get("/api/v1/runs/" + runId).json();
        assertThat(run.get("executedBy").asString()).isEqualTo("schedule:" + schedule.id());
        assertThat(run.get("jobId").asLong()).isEqualTo(jobId);
        assertThat(run.get("kind").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void aStartTheJobRefusesIsRecordedAndTheScheduleMovesOn() {
        long nodeId = admin().post("/api/v1/nodes", "{\"ip\":\"" + uniqueIp() + "\"}").id();
        long jobId = ScheduleFixtures.job(admin(), ApiTest::unique, nodeId);
        clock.set(Instant.parse("2027-08-02T10:00:30Z"));
        Schedule schedule = schedule(jobId, "* * * * *", "UTC", "QUEUE_ONE", "RUN_ONCE");
        assertThat(admin().post("/api/v1/nodes/" + nodeId + "/lock", "{\"reason\":\"maintenance\"}").status()).isEqualTo(200);

        pollUntil(poller(execution), Duration.ofMinutes(1), Instant.parse("2027-08-02T10:01:30Z"));

        Schedule after = reread(schedule);
        assertThat(after.lastRunId()).isNull();
        assertThat(after.lastOutcome()).startsWith("not started: ").contains("locked");
        assertThat(after.nextStartAt()).isEqualTo(Instant.parse("2027-08-02T10:02:00Z"));
    }

    @Test
    void theScheduleOfADeletedJobStops() {
        long jobId = job();
        clock.set(Instant.parse("2027-08-03T10:00:30Z"));
        Schedule schedule = schedule(jobId, "* * * * *", "UTC", "QUEUE_ONE", "RUN_ONCE");
        assertThat(admin().delete("/api/v1/jobs/" + jobId).status()).isEqualTo(204);

        pollUntil(poller(execution), Duration.ofMinutes(1), Instant.parse("2027-08-03T10:01:30Z"));

        Schedule after = reread(schedule);
        assertThat(after.lastOutcome()).startsWith("not started: ").endsWith("; the schedule stops");
        assertThat(after.nextStartAt()).isNull();
    }

    @Test
    void theRecurringDbSchedulerTaskStartsADueScheduleOnTheRealClock() {
        long jobId = job();
        ScheduleService realTime = new ScheduleService(schedules, jobs, audit, java.time.Clock.systemUTC());
        Schedule schedule = realTime.create(jobId, ScheduleSettings.parse("0 3 * * *", "UTC", null, true, "SKIP", "RUN_ONCE", null));
        assertThat(schedules.claim(schedule.id(), schedule.nextStartAt(), Instant.now().minusSeconds(1))).isTrue(); // due now

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reread(schedule).lastRunId() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }

        Schedule after = reread(schedule);
        assertThat(after.lastRunId()).as("started within the poll interval (5 s)").isNotNull();
        assertThat(admin().get("/api/v1/runs/" + after.lastRunId()).json().get("executedBy").asString()).isEqualTo(schedule.starter());
        assertThat(after.nextStartAt()).isAfter(Instant.now());
    }

    /** Records each start with the clock's time; a started run stays active when {@code keepRunning}. */
    static final class RecordingStarter implements JobStarter {

        private final MovableClock clock;
        private final List<Start> starts = new CopyOnWriteArrayList<>();
        private final Map<String, List<ActiveRun>> active = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(1_000_000);
        volatile boolean keepRunning;

        RecordingStarter(MovableClock clock) {
            this.clock = clock;
        }

        @Override
        public long start(long jobId, String starterName) {
            long id = ids.incrementAndGet();
            starts.add(new Start(jobId, clock.instant()));
            if (keepRunning) {
                active.computeIfAbsent(starterName, name -> Collections.synchronizedList(new ArrayList<>())).add(new ActiveRun(id, "RUNNING"));
            }
            return id;
        }

        @Override
        public List<ActiveRun> active(String starterName) {
            return List.copyOf(active.getOrDefault(starterName, List.of()));
        }

        void finishAll() {
            active.clear();
        }

        List<Instant> startsOf(long jobId) {
            return starts.stream().filter(start -> start.jobId() == jobId).map(Start::at).toList();
        }

        record Start(long jobId, Instant at) {
        }
    }
}

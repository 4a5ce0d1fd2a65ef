package io.devops.platform.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The home page's answer. Counts are of the nodes the caller sees; {@code failingChecks} counts the
 * nodes whose latest verdict for a check is FAIL or ERROR; the charts cover the last {@code days}
 * days (UTC), one point per day that has data.
 */
record Overview(Long poolId, int days, Map<String, Long> states, List<PoolStates> pools, List<TenantStates> tenants,
                List<FailingCheck> failingChecks, List<RunLine> runsInProgress, List<RunLine> failedRuns,
                List<FailedCheck> latestFailures, List<PassRateDay> passRate, List<BusBandwidthDay> ncclBusBandwidth) {

    /** A pool's nodes per lifecycle state; {@code tenantId} null for the spare pool. */
    record PoolStates(long poolId, String poolName, Long tenantId, String tenantName, long nodes, Map<String, Long> states) {
    }

    /** A tenant's nodes per state; the nodes of no tenant (the spare pool) have {@code tenantId} null. */
    record TenantStates(Long tenantId, String tenantName, long nodes, Map<String, Long> states) {
    }

    record FailingCheck(String check, long nodes) {
    }

    record RunLine(long id, String jobName, String status, String executedBy, Instant queuedAt, Instant startedAt,
                   Instant finishedAt, String message) {
    }

    record FailedCheck(long nodeId, String ip, String hostname, String check, String verdict, Double measured, Double threshold,
                       String unit, String message, long runId, Instant at) {
    }

    /** Nodes judged that day (a node's checks in one run count once) and how many of them had no FAIL or ERROR. */
    record PassRateDay(LocalDate day, long judged, long passed, double rate) {
    }

    /** The measured {@code nccl_all_reduce} bus bandwidth (GB/s) of the nodes of one GPU model on one day. */
    record BusBandwidthDay(LocalDate day, String gpuModel, long samples, double average, double min, double max) {
    }
}

package io.devops.platform.execution.settings;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workDir where each task's playbook directory is laid out
 * @param scriptsDir script files copied to the nodes before a script step (skipped when absent)
 * @param taskTimeout the longest one task may run before it is stopped
 * @param maxReportBytes reports larger than this are not collected (the report row says so)
 * @param leaseRetry how often a run waiting for leased nodes tries again
 * @param privateKeyFile the server's own SSH key, used when no credential applies (optional)
 * @param events the live event streams of runs
 */
@ConfigurationProperties("devops.execution")
public record ExecutionProperties(Path workDir, Path scriptsDir, Duration taskTimeout, Long maxReportBytes, Duration leaseRetry,
                           Path privateKeyFile, Events events) {

    public ExecutionProperties {
        workDir = workDir == null ? Path.of("data", "work") : workDir;
        scriptsDir = scriptsDir == null ? Path.of("data", "scripts") : scriptsDir;
        taskTimeout = taskTimeout == null ? Duration.ofHours(6) : taskTimeout;
        maxReportBytes = maxReportBytes == null ? 1024 * 1024L : maxReportBytes;
        leaseRetry = leaseRetry == null ? Duration.ofSeconds(2) : leaseRetry;
        events = events == null ? new Events(null, null, null, null) : events;
    }

    /**
     * {@code GET /runs/{id}/events} streams (see {@link RunEvents}).
     *
     * @param maxStreamsPerUser streams one user may hold open at once on one instance; one more is refused with 429
     * @param sendTimeout a stream whose write has not moved for this long is dropped (its client resumes with Last-Event-ID)
     * @param heartbeat an idle stream gets a comment this often, so that a closed connection is noticed and its slot freed
     * @param senderThreads threads writing to the streams (one per stream at most at any time)
     */
    public record Events(Integer maxStreamsPerUser, Duration sendTimeout, Duration heartbeat, Integer senderThreads) {

        public Events {
            maxStreamsPerUser = maxStreamsPerUser == null ? 10 : maxStreamsPerUser;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(5) : sendTimeout;
            heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
            senderThreads = senderThreads == null ? 64 : senderThreads;
        }
    }
}

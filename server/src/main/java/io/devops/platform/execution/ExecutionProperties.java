package io.devops.platform.execution;

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
 */
@ConfigurationProperties("devops.execution")
record ExecutionProperties(Path workDir, Path scriptsDir, Duration taskTimeout, Long maxReportBytes, Duration leaseRetry,
                           Path privateKeyFile) {

    ExecutionProperties {
        workDir = workDir == null ? Path.of("data", "work") : workDir;
        scriptsDir = scriptsDir == null ? Path.of("data", "scripts") : scriptsDir;
        taskTimeout = taskTimeout == null ? Duration.ofHours(6) : taskTimeout;
        maxReportBytes = maxReportBytes == null ? 1024 * 1024L : maxReportBytes;
        leaseRetry = leaseRetry == null ? Duration.ofSeconds(2) : leaseRetry;
    }
}

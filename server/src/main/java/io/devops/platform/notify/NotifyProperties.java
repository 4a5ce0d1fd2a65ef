package io.devops.platform.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param attempts tries per delivery, the first included, before it is given up as FAILED
 * @param firstRetry the wait before the second try; each later wait is {@code backoffFactor} times the one before
 * @param backoffFactor how much longer each wait is than the one before
 * @param pollInterval how often due deliveries are looked for (a new one is sent at once on this instance anyway)
 * @param connectTimeout the longest an HTTP or SMTP connection may take to open
 * @param readTimeout the longest a service may take to answer
 * @param firstFailedNodes how many failed nodes a message lists (it counts them all)
 */
@ConfigurationProperties("devops.notify")
record NotifyProperties(Integer attempts, Duration firstRetry, Integer backoffFactor, Duration pollInterval,
                        Duration connectTimeout, Duration readTimeout, Integer firstFailedNodes) {

    NotifyProperties {
        attempts = attempts == null ? 5 : Math.max(1, attempts);
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        backoffFactor = backoffFactor == null ? 4 : Math.max(1, backoffFactor);
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        firstFailedNodes = firstFailedNodes == null ? 5 : firstFailedNodes;
    }

    /** The wait after try number {@code attempt} (1-based) failed: firstRetry × factor^(attempt − 1). */
    Duration backoffAfter(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt; i++) {
            wait = wait.multipliedBy(backoffFactor);
        }
        return wait;
    }
}

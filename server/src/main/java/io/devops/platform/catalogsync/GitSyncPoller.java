package io.devops.platform.catalogsync;

import io.devops.platform.catalogsync.GitSources.GitSource;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Syncs the Git sources whose schedule is due. Each sync is claimed first (its next time moved on
 * only where it still holds the planned one), so of several server instances exactly one runs it;
 * the fetch itself runs outside any transaction.
 */
@Component
class GitSyncPoller {

    private static final Logger log = LoggerFactory.getLogger(GitSyncPoller.class);

    private final GitSources sources;
    private final GitSourceService service;
    private final Clock clock;

    GitSyncPoller(GitSources sources, GitSourceService service, Clock clock) {
        this.sources = sources;
        this.service = service;
        this.clock = clock;
    }

    int syncDue() {
        return syncDue(clock.instant());
    }

    /** Syncs every source due at {@code now}; answers how many this instance claimed. */
    int syncDue(Instant now) {
        int claimed = 0;
        for (GitSource source : sources.due(now)) {
            SyncSchedule schedule = SyncSchedule.parse(source.schedule());
            Instant following = schedule == null ? null : schedule.next(now);
            if (!sources.claim(source.id(), source.nextSyncAt(), following)) {
                continue; // another instance took this sync
            }
            claimed++;
            try {
                service.scheduledSync(source);
            } catch (RuntimeException e) {
                log.warn("Git source {}: the scheduled sync failed: {}", source.id(), e.getMessage());
                sources.outcome(source.id(), failure(e));
            }
        }
        return claimed;
    }

    private static String failure(RuntimeException e) {
        String text = "failed: " + e.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}

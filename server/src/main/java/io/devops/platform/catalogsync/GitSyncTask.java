package io.devops.platform.catalogsync;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled Git syncs are looked for by one recurring db-scheduler task (one instance runs it at a
 * time, another takes over when that one dies), every {@code devops.catalog.git-poll-interval}
 * (30 s unless set): no in-memory timers, so any number of server instances is fine.
 */
@Configuration(proxyBeanMethods = false)
class GitSyncTask {

    static final String NAME = "catalog-git-sync";

    /** The poller is looked up when the task runs: db-scheduler is built from its tasks, this one included. */
    @Bean
    RecurringTask<Void> catalogGitSync(ObjectProvider<GitSyncPoller> poller,
                                       @Value("${devops.catalog.git-poll-interval:30s}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> poller.getObject().syncDue());
    }
}

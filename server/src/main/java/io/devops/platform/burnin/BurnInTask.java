package io.devops.platform.burnin;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pools' recurring burn-ins are looked for by one recurring db-scheduler task, every
 * {@code devops.burn-in.poll-interval} (5 minutes unless set): no in-memory timers, so any number of
 * server instances is fine.
 */
@Configuration(proxyBeanMethods = false)
class BurnInTask {

    static final String NAME = "spare-burn-in";

    /** The poller is looked up when the task runs: db-scheduler is built from its tasks, this one included. */
    @Bean
    RecurringTask<Void> spareBurnIn(ObjectProvider<BurnInPoller> poller, @Value("${devops.burn-in.poll-interval:5m}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> poller.getObject().lookAtDue());
    }
}

package io.devops.platform.schedule;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The poller is one recurring db-scheduler task: one instance at a time runs it (and another takes
 * over when that one dies), every {@code devops.schedules.poll-interval} (5 s unless set).
 */
@Configuration(proxyBeanMethods = false)
class SchedulePollTask {

    static final String NAME = "schedule-poller";

    /**
     * The poller is looked up when the task runs: it starts runs, which hands them to db-scheduler,
     * which is built from its tasks, this one included.
     */
    @Bean
    RecurringTask<Void> schedulePolling(ObjectProvider<SchedulePoller> poller,
                                        @Value("${devops.schedules.poll-interval:5s}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> poller.getObject().startDue());
    }
}

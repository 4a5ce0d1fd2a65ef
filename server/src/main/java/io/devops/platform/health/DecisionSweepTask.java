package io.devops.platform.health;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Owed decisions that the intake's own follow-up did not make (the server stopped between the
 * commit and the decision, or the decision failed) are made by one recurring db-scheduler task,
 * every {@code devops.health.decision-sweep-interval} (10 s unless set): no in-memory timers, so a
 * restart or any number of server instances loses nothing and decides nothing twice.
 */
@Configuration(proxyBeanMethods = false)
class DecisionSweepTask {

    static final String NAME = "health-decision-sweep";

    /** The decider is looked up when the task runs: db-scheduler is built from its tasks, this one included. */
    @Bean
    RecurringTask<Void> healthDecisionSweep(ObjectProvider<HealthDecider> decider,
                                            @Value("${devops.health.decision-sweep-interval:10s}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> decider.getObject().decideDue(null));
    }
}

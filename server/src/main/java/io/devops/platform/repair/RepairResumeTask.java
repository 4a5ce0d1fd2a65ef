package io.devops.platform.repair;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A node in REPAIR is never forgotten: a recurring db-scheduler task (first run at start-up) takes
 * up every attempt a restart interrupted (recorded or acting, never ended) that this instance does
 * not carry already. An interrupted action is done again from its start.
 */
@Configuration(proxyBeanMethods = false)
class RepairResumeTask {

    static final String NAME = "repair-resume";

    @Bean
    RecurringTask<Void> repairResume(ObjectProvider<RepairLedger> ledger, ObjectProvider<RepairThreads> threads,
                                     @Value("${devops.repair.resume-interval:1m}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) ->
                ledger.getObject().unfinished().forEach(repair -> threads.getObject().carry(repair.id())));
    }
}

package io.devops.platform.repair;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The threads repairs run on: a reboot waits minutes for the node, so never on a request's or an
 * event publisher's thread.
 */
@Component
class RepairThreads {

    private static final Logger LOG = LoggerFactory.getLogger(RepairThreads.class);

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(8, task -> {
        Thread thread = new Thread(task, "repair-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final CarriedRepairs carried;
    private final RepairWork work;

    RepairThreads(CarriedRepairs carried, RepairWork work) {
        this.carried = carried;
        this.work = work;
    }

    /** Carries the attempt on unless this instance already does. */
    void carry(long repairId) {
        if (!carried.take(repairId)) {
            return;
        }
        pool.execute(() -> {
            try {
                work.proceed(repairId, false);
            } catch (RuntimeException e) {
                LOG.error("Repair {} stopped; the resume task takes it up again", repairId, e);
            } finally {
                carried.release(repairId);
            }
        });
    }

    /** Runs a step that belongs to no attempt being carried (a re-acceptance's conclusion). */
    void run(Runnable step) {
        pool.execute(() -> {
            try {
                step.run();
            } catch (RuntimeException e) {
                LOG.error("A repair step failed", e);
            }
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}

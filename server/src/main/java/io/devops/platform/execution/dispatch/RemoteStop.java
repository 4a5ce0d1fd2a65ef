package io.devops.platform.execution.dispatch;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Stops a script step's processes on the nodes, started the moment a cancel is seen and in
 * parallel with killing the local ansible-playbook, so that a cancel takes seconds, not the sum.
 */
final class RemoteStop {

    private final Runnable stop;
    private final AtomicBoolean started = new AtomicBoolean();
    private Thread thread;

    RemoteStop(Runnable stop) {
        this.stop = stop;
    }

    /** A cancel check that also starts the remote stop the first time it answers yes. */
    BooleanSupplier onFirst(BooleanSupplier cancelled) {
        return () -> {
            boolean yes = cancelled.getAsBoolean();
            if (yes) {
                start();
            }
            return yes;
        };
    }

    synchronized void start() {
        if (started.compareAndSet(false, true)) {
            thread = new Thread(stop, "remote-stop");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void await() {
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.devops.platform.execution.run;

/**
 * A write under a {@link RunFence} found that the run is no longer where the writer believed: its
 * execution lost it. The writer stops and writes nothing more about the run.
 */
public class RunMovedOnException extends RuntimeException {

    RunMovedOnException(RunFence fence, String what) {
        super(what + " changed nothing: " + fence + " no longer holds");
    }
}

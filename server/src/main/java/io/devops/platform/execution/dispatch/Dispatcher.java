package io.devops.platform.execution.dispatch;

import io.devops.platform.execution.logs.LogAppender;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.RunContents.RunTask;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One way of running a step on its nodes: through Ansible over SSH ({@link AnsibleDispatch}) or
 * through the nodes' agents ({@link AgentTaskDispatch}). {@link StepDispatch} hands each step to the
 * one dispatcher that takes it, and asks the same one to stop what a killed instance's step left on
 * the nodes.
 */
interface Dispatcher {

    /** Whether this dispatcher runs the step (by its type and dispatch); exactly one takes each step. */
    boolean takes(RunTask task);

    /**
     * Runs the step on these nodes (none of them locked), in {@code workDir}, until it ends or
     * {@code cancelled} says yes; the outcome has one result per node.
     */
    TaskOutcome run(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender log, BooleanSupplier cancelled);

    /** Stops on the nodes what the step started there before this instance was killed (nothing when it starts nothing there). */
    void stopLeftovers(long runId, RunTask task, List<RunNode> nodes, Path workDir, LogAppender log);
}

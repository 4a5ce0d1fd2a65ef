/**
 * A run's state and its transitions: the status machines of runs, steps and node results as tables
 * ({@link io.devops.platform.execution.run.StatusTable}), the fence every write of an execution
 * carries ({@link io.devops.platform.execution.run.RunFence}), and the repositories that write them
 * ({@link io.devops.platform.execution.run.Runs}, {@link io.devops.platform.execution.run.RunContents}).
 *
 * <p>Public to the rest of the module: {@code RunStatus}, {@code RunRecord}, {@code RunFence} (opaque:
 * only this package reads its SQL), {@code RunMovedOnException}, the repositories' operations, the
 * records of a run's contents and the API views ({@code RunViews}). {@code StatusTable} stays here.
 */
package io.devops.platform.execution.run;

/**
 * A run's state and its transitions. The status machines of runs, steps and node results are
 * tables ({@link io.devops.platform.execution.run.StatusTable}); every move along them is made by
 * {@link io.devops.platform.execution.run.RunTransitions}, under the fence
 * ({@link io.devops.platform.execution.run.RunFence}) of the execution that owns the run, or of
 * whoever just moved it; {@link io.devops.platform.execution.run.Runs} and
 * {@link io.devops.platform.execution.run.RunContents} are the rows they write.
 *
 * <p>Public to the rest of the module: {@code RunTransitions}, {@code RunStatus}, {@code RunRecord},
 * {@code RunFence} (its SQL condition is read only here), {@code RunMovedOnException},
 * the repositories' reads and inserts (and the run's cancel flag, waiting reason and log size), the
 * records of a run's contents, {@code RunFailures} and the API views ({@code RunViews}). Status
 * writes and {@code StatusTable} stay here.
 */
package io.devops.platform.execution.run;

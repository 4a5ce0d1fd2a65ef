/**
 * Acceptance verdicts of a run: each acceptance report a step collects is judged by the check of its
 * name, stored, and turned into that node's result for the step
 * ({@link io.devops.platform.execution.verdicts.StepVerdicts}, called by the report collector); the
 * lifecycle is told when a node's acceptance starts and how it concluded
 * ({@link io.devops.platform.execution.verdicts.AcceptanceEvents}, called by the run's life). Both
 * are public to the module, with {@link io.devops.platform.execution.verdicts.StepVerdicts.ReportFile}.
 */
package io.devops.platform.execution.verdicts;

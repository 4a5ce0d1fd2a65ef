/**
 * Running one step on its nodes. {@link io.devops.platform.execution.dispatch.StepDispatch} asks the
 * inventory for locks again and hands the free nodes to the one
 * {@link io.devops.platform.execution.dispatch.Dispatcher} that takes the step: Ansible over SSH
 * (playbooks, scripts on each node or from a launcher) or the nodes' agents (scripts).
 * {@link io.devops.platform.execution.dispatch.Leftovers} stops what a killed instance's steps left
 * running, through the same dispatchers.
 *
 * <p>Public to the rest of the module: {@code StepDispatch.run}, {@code TaskOutcome},
 * {@code Leftovers}, {@code InventoryHosts} (how Ansible reaches a set of nodes, for the report
 * collection of steps the agents ran) and {@code GeneratedPlaybooks.collectReports}/{@code reportsDir}.
 * An Ansible step fetches its own declared reports in a last play of its playbook
 * ({@code GeneratedPlaybooks.withReportCollection}): one {@code ansible-playbook} per step. The
 * dispatchers, the other generated playbooks, SSH access and host key records stay here.
 */
package io.devops.platform.execution.dispatch;

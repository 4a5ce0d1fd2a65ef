/**
 * Running one step on its nodes: {@link io.devops.platform.execution.dispatch.StepDispatch} asks the
 * inventory for locks again and hands the free nodes to the dispatcher of the step (Ansible or the
 * agents), and {@link io.devops.platform.execution.dispatch.Leftovers} stops what a killed instance's
 * steps left running.
 *
 * <p>Public to the rest of the module: {@code StepDispatch}, {@code TaskOutcome}, {@code Leftovers}
 * and the SSH hosts of a set of nodes (for the report collection); the dispatchers, generated
 * playbooks, SSH access and host key records stay here.
 */
package io.devops.platform.execution.dispatch;

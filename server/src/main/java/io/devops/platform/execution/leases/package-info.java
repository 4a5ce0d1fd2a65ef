/**
 * One lease per node: a run takes all of its nodes or none before it starts, and frees them when it
 * ends. {@link io.devops.platform.execution.leases.NodeLeases} is public to the module.
 */
package io.devops.platform.execution.leases;

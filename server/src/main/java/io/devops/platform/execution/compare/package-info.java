/**
 * Two runs side by side (or two nodes of one run): per node and step what changed (status, a
 * duration beyond a tolerance, the message), the nodes found in only one run, and the acceptance
 * figures of each check next to each other. Pure functions over what the run's repositories read;
 * {@link io.devops.platform.execution.compare.RunComparison} is the entry point.
 */
package io.devops.platform.execution.compare;

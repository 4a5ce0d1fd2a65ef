/**
 * Spare burn-in: a pool of no tenant may ask that its idle READY nodes pass a burn-in tier again every
 * so many days. A recurring db-scheduler task looks at each pool when due (claimed with a conditional
 * update, so two server instances never both look) and starts the tier's built-in template on the
 * due nodes, a bounded number at a time, as a job of its own; the results flow through the normal
 * acceptance path. Never a DELIVERED, busy or locked node. Public API: none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Spare burn-in",
        allowedDependencies = {"shared", "identity", "inventory", "lifecycle", "job", "execution"})
package io.devops.platform.burnin;

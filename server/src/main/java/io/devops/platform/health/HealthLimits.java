package io.devops.platform.health;

/**
 * Public API: how far a policy may act on its own. At most {@code maxNodesPerPool} nodes, and at
 * most {@code maxPercentPerPool} % of a pool (rounded down, but never below one node), in REPAIR by
 * the policy at a time; at most {@code maxPerHour} automatic actions per hour across the fleet.
 * Past any of them the policy only recommends, and says so in a notification.
 */
public record HealthLimits(int maxNodesPerPool, int maxPercentPerPool, int maxPerHour) {

    public static final HealthLimits DEFAULT = new HealthLimits(1, 5, 10);
}

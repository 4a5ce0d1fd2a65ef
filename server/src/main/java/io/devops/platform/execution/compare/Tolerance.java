package io.devops.platform.execution.compare;

import io.devops.platform.shared.InvalidInputException;

/**
 * When a difference in numbers counts as a change: a duration that moved by more than
 * {@code percent} of the first run's and by more than {@code floorMs} (so that a step of 2 s that
 * took 3 s is not news), a measured figure that moved by more than {@code percent} of the first.
 */
public record Tolerance(int percent, long floorMs) {

    public static final Tolerance DEFAULT = new Tolerance(20, 1_000);

    public Tolerance {
        if (percent < 0 || percent > 1_000) {
            throw new InvalidInputException("tolerancePercent", "give a tolerance between 0 and 1000 percent, not " + percent);
        }
    }

    public static Tolerance percent(Integer percent) {
        return percent == null ? DEFAULT : new Tolerance(percent, DEFAULT.floorMs());
    }

    boolean durationChanged(Long a, Long b) {
        if (a == null || b == null) {
            return false;
        }
        long difference = Math.abs(b - a);
        return difference > floorMs && difference * 100 > a * percent;
    }

    boolean measureChanged(Double a, Double b) {
        if (a == null || b == null) {
            return (a == null) != (b == null);
        }
        return Math.abs(b - a) * 100 > Math.abs(a) * percent;
    }
}

package io.devops.platform.burnin;

import io.devops.platform.lifecycle.BurnInHistory;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A pool's recurring burn-in as the API answers it ({@code GET/PUT /api/v1/node-pools/{id}/burn-in}):
 * {@code configured} false for a pool that never had one (then disabled, with the defaults).
 */
record SpareBurnInView(long poolId, boolean configured, boolean enabled, String tier, int everyDays, int maxNodesAtOnce,
                       Instant nextLookAt, Instant lastLookAt, String lastOutcome, String updatedBy, Instant updatedAt) {

    static final String DEFAULT_TIER = "STANDARD";
    static final int DEFAULT_EVERY_DAYS = 7;
    static final int DEFAULT_MAX_NODES_AT_ONCE = 4;

    static SpareBurnInView of(SpareBurnIn setting) {
        return new SpareBurnInView(setting.poolId(), true, setting.enabled(), setting.tier(), setting.everyDays(),
                setting.maxNodesAtOnce(), setting.enabled() ? setting.nextLookAt() : null, setting.lastLookAt(), setting.lastOutcome(),
                setting.updatedBy(), setting.updatedAt());
    }

    static SpareBurnInView none(long poolId) {
        return new SpareBurnInView(poolId, false, false, DEFAULT_TIER, DEFAULT_EVERY_DAYS, DEFAULT_MAX_NODES_AT_ONCE, null, null,
                null, null, null);
    }

    /** The checked values of a request. */
    record Settings(boolean enabled, String tier, int everyDays, int maxNodesAtOnce) {
    }

    /** As sent; a field left out takes its default (STANDARD, every 7 days, 4 at once); {@code enabled} is required. */
    record Request(Boolean enabled, String tier, Integer everyDays, Integer maxNodesAtOnce) {

        /** Every problem at once, each named by its field; nothing changes on any. */
        Settings validated() {
            List<InputError> errors = new ArrayList<>();
            if (enabled == null) {
                errors.add(new InputError("enabled", "is required: true or false"));
            }
            String named = tier == null ? DEFAULT_TIER : tier.strip().toUpperCase(Locale.ROOT);
            if (!BurnInHistory.TIERS.contains(named)) {
                errors.add(new InputError("tier", "must be one of " + String.join(", ", BurnInHistory.TIERS) + ", not '" + tier + "'"));
            }
            int days = everyDays == null ? DEFAULT_EVERY_DAYS : everyDays;
            range(errors, "everyDays", days, 1, 365);
            int atOnce = maxNodesAtOnce == null ? DEFAULT_MAX_NODES_AT_ONCE : maxNodesAtOnce;
            range(errors, "maxNodesAtOnce", atOnce, 1, 1000);
            if (!errors.isEmpty()) {
                throw new InvalidInputException("The recurring burn-in is invalid: " + String.join("; ",
                        errors.stream().map(error -> error.field() + " " + error.message()).toList()), errors);
            }
            return new Settings(enabled, named, days, atOnce);
        }

        private static void range(List<InputError> errors, String field, int value, int min, int max) {
            if (value < min || value > max) {
                errors.add(new InputError(field, "must be between " + min + " and " + max + ", not " + value));
            }
        }
    }
}

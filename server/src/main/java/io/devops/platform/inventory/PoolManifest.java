package io.devops.platform.inventory;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a pool's nodes must be (its manifest, {@code "spec"} in the pool's JSON): GPU model and
 * count, NVSwitch or not, NIC count and link rate, driver / CUDA / Fabric Manager versions, and how
 * old a node's acceptance may be when it is delivered, and which burn-in tier delivery needs
 * ({@code deliveryTier}: QUICK, STANDARD or FULL) passed within {@code tierValidForDays}. A null field
 * declares nothing; commissioning and the delivery gate (lifecycle module) compare nodes with the
 * fields that are set.
 */
public record PoolManifest(String gpuModel, Integer gpuCount, Boolean nvswitch, Integer nicCount, Integer nicLinkRateGbps,
                           String driverVersion, String cudaVersion, String fabricManagerVersion,
                           Integer acceptanceMaxAgeDays, String deliveryTier, Integer tierValidForDays) {

    public static final int DEFAULT_ACCEPTANCE_MAX_AGE_DAYS = 7;
    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+){0,3}");
    private static final List<String> TIERS = List.of("QUICK", "STANDARD", "FULL");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    /** What a pool that declares nothing asks for. */
    public static PoolManifest none() {
        return new PoolManifest(null, null, null, null, null, null, null, null, DEFAULT_ACCEPTANCE_MAX_AGE_DAYS, null, null);
    }

    public int maxAgeDays() {
        return acceptanceMaxAgeDays == null ? DEFAULT_ACCEPTANCE_MAX_AGE_DAYS : acceptanceMaxAgeDays;
    }

    /** Days a passing acceptance of {@link #deliveryTier} stays good: the pool's acceptance age unless set. */
    public int tierDays() {
        return tierValidForDays == null ? maxAgeDays() : tierValidForDays;
    }

    /** The same manifest with the default age filled in, as it is stored. */
    PoolManifest withDefaults() {
        return new PoolManifest(blankToNull(gpuModel), gpuCount, nvswitch, nicCount, nicLinkRateGbps, blankToNull(driverVersion),
                blankToNull(cudaVersion), blankToNull(fabricManagerVersion), maxAgeDays(),
                deliveryTier == null || deliveryTier.isBlank() ? null : deliveryTier.strip(), tierValidForDays);
    }

    /** Refuses the manifest with every problem named by its field ({@code spec.gpuCount}). */
    void requireValid() {
        List<InputError> errors = new ArrayList<>();
        if (gpuModel != null && !gpuModel.isBlank() && !MODEL.matcher(gpuModel).matches()) {
            errors.add(new InputError("spec.gpuModel", "letters, digits, spaces, '.', '_' and '-' only, at most 64 (e.g. H100)"));
        }
        range(errors, "spec.gpuCount", gpuCount, 1, 64);
        range(errors, "spec.nicCount", nicCount, 0, 64);
        range(errors, "spec.nicLinkRateGbps", nicLinkRateGbps, 1, 3200);
        range(errors, "spec.acceptanceMaxAgeDays", acceptanceMaxAgeDays, 1, 365);
        range(errors, "spec.tierValidForDays", tierValidForDays, 1, 365);
        if (deliveryTier != null && !deliveryTier.isBlank() && !TIERS.contains(deliveryTier.strip())) {
            errors.add(new InputError("spec.deliveryTier", "must be one of " + String.join(", ", TIERS) + ", not '" + deliveryTier + "'"));
        }
        version(errors, "spec.driverVersion", driverVersion);
        version(errors, "spec.cudaVersion", cudaVersion);
        version(errors, "spec.fabricManagerVersion", fabricManagerVersion);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The pool's spec is invalid: " + String.join("; ",
                    errors.stream().map(error -> error.field() + " " + error.message()).toList()), errors);
        }
    }

    private static void range(List<InputError> errors, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            errors.add(new InputError(field, "must be between " + min + " and " + max + ", not " + value));
        }
    }

    private static void version(List<InputError> errors, String field, String value) {
        if (value != null && !value.isBlank() && !VERSION.matcher(value).matches()) {
            errors.add(new InputError(field, "must be a version of digits and dots (e.g. 550.54.15), not '" + value + "'"));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

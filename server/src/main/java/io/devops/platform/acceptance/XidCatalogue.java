package io.devops.platform.acceptance;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Which Xid codes fail a node, and what to do about the common ones. Critical codes: the union of
 * ../shared/reference/gpu-acceptance.md §3 (Azure's list, which adds 65) and §5 (48, 56-58, 62-64,
 * 68-77, 79-86, 88, 92-95, 119, 120), from NVIDIA's Xid catalogue and gpud's action table; any other
 * code (13, 31, 43, 45: mostly an application's fault) warns.
 */
final class XidCatalogue {

    static final Set<Integer> CRITICAL = Stream.of(IntStream.of(48, 65, 88, 119, 120), IntStream.rangeClosed(56, 58),
                    IntStream.rangeClosed(62, 64), IntStream.rangeClosed(68, 77), IntStream.rangeClosed(79, 86),
                    IntStream.rangeClosed(92, 95))
            .flatMapToInt(codes -> codes).boxed().collect(Collectors.toUnmodifiableSet());

    private static final Map<Integer, String> ACTIONS = Map.ofEntries(
            Map.entry(48, "double-bit ECC error: reset the GPU, check the ecc and row_remap checks"),
            Map.entry(63, "row remapping event: reset the GPU, check row_remap"),
            Map.entry(64, "row remapping failure: RMA the GPU"),
            Map.entry(74, "NVLink error: reset the GPU, check nvlink; reseat or RMA if it recurs"),
            Map.entry(79, "GPU has fallen off the bus: reboot; reseat, check power and riser, RMA if it recurs"),
            Map.entry(94, "contained ECC error: reset the GPU"),
            Map.entry(95, "uncontained ECC error: reset the GPU; RMA if it recurs"),
            Map.entry(119, "GSP RPC timeout: reset the GPU (reboot); update the driver if it recurs"),
            Map.entry(120, "GSP error: reset the GPU (reboot); update the driver if it recurs"));

    private XidCatalogue() {
    }

    static String action(int code) {
        return ACTIONS.getOrDefault(code, CRITICAL.contains(code)
                ? "reboot and inspect the hardware (NVIDIA Xid catalogue)" : "usually the application's fault; look at the job that ran");
    }
}

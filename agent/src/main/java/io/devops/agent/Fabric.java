package io.devops.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NVSwitch and Fabric Manager facts, for commissioning and the delivery gate: {@code nvswitch}
 * from {@code lspci -nn} (an NVIDIA device named NVSwitch, e.g. {@code NVSwitch [10de:22a3]}) and
 * {@code fabricManagerVersion} from {@code nv-fabricmanager --version}. A probe that cannot run
 * leaves its fact out: unknown, never "no".
 */
final class Fabric {

    private static final Pattern VERSION = Pattern.compile("([0-9]+\\.[0-9]+(?:\\.[0-9]+)*)");

    private Fabric() {
    }

    static void probe(ObjectNode gpu) {
        Probes.run(List.of("lspci", "-nn")).ifPresent(out -> gpu.put("nvswitch", hasNvswitch(out)));
        Probes.run(List.of("nv-fabricmanager", "--version")).flatMap(Fabric::version)
                .ifPresent(version -> gpu.put("fabricManagerVersion", version));
    }

    static boolean hasNvswitch(String lspci) {
        return lspci.lines().map(line -> line.toLowerCase(Locale.ROOT))
                .anyMatch(line -> line.contains("nvidia") && line.contains("nvswitch"));
    }

    /** "Fabric Manager version is : 550.54.15" -> 550.54.15. */
    static Optional<String> version(String output) {
        Matcher matcher = VERSION.matcher(output);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}

package io.devops.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The passive monitors' settings (agent.yml keys or flags): {@code health-interval} seconds between
 * polls (60; 0 turns the monitors off), {@code kernel-log} ({@code journal}: journalctl -k, or a
 * file such as /var/log/kern.log), {@code fabricmanager-log}, {@code infiniband-root},
 * {@code health-root-fs} (the file system watched for space) and {@code expected-gpus} (the node's
 * spec; without it the GPU count first seen is expected). Conditions are re-sent at most every
 * {@code resend} while they last; a log condition clears after {@code quiet} without a new line.
 */
record HealthSettings(Duration interval, String kernelLog, Path fabricManagerLog, Path infinibandRoot, Path rootFs,
                      Integer expectedGpus, String nvidiaSmi, Duration resend, Duration quiet) {

    static final java.util.List<String> KEYS = java.util.List.of("health-interval", "kernel-log", "fabricmanager-log",
            "infiniband-root", "health-root-fs", "expected-gpus");

    static HealthSettings of(Map<String, String> values) {
        long seconds = number(values.getOrDefault("health-interval", "60"), "health-interval");
        String gpus = values.get("expected-gpus");
        return new HealthSettings(Duration.ofSeconds(seconds), values.getOrDefault("kernel-log", "journal").strip(),
                Path.of(values.getOrDefault("fabricmanager-log", "/var/log/fabricmanager.log")),
                Path.of(values.getOrDefault("infiniband-root", "/sys/class/infiniband")),
                Path.of(values.getOrDefault("health-root-fs", "/")),
                gpus == null || gpus.isBlank() ? null : (int) number(gpus, "expected-gpus"), "nvidia-smi",
                Duration.ofMinutes(10), Duration.ofMinutes(30));
    }

    boolean enabled() {
        return !interval.isZero();
    }

    private static long number(String value, String key) {
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(key + " must be a whole number, 0 or more, not '" + value + "'");
    }
}

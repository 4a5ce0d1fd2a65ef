package io.devops.platform.repair;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code devops.repair.*}: how a node is rebooted and how its return is seen. The reboot command is
 * an argument list run on the node; the boot id file changes at every boot, so a changed id proves
 * the node went down and came back (tests point both at fakes).
 */
@ConfigurationProperties("devops.repair")
record RepairSettings(@DefaultValue({"systemctl", "reboot"}) List<String> rebootCommand,
                      @DefaultValue("/proc/sys/kernel/random/boot_id") String bootIdFile,
                      @DefaultValue("15m") Duration rebootTimeout,
                      @DefaultValue("5s") Duration bootPollInterval,
                      @DefaultValue("2m") Duration commandTimeout) {
}

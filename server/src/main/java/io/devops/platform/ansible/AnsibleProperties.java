package io.devops.platform.ansible;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param playbookCommand the ansible-playbook executable, a name on PATH or a path
 * @param forks parallel hosts per playbook
 * @param connectTimeout SSH connection timeout per host
 * @param controlPersist how long SSH master connections stay open between tasks
 * @param killGrace how long a cancelled playbook gets between SIGTERM and SIGKILL
 * @param controlRoot where SSH master connection sockets live (short: socket paths are limited)
 */
@ConfigurationProperties("devops.ansible")
public record AnsibleProperties(String playbookCommand, Integer forks, Duration connectTimeout,
                                Duration controlPersist, Duration killGrace, java.nio.file.Path controlRoot) {

    public AnsibleProperties {
        playbookCommand = playbookCommand == null || playbookCommand.isBlank() ? "ansible-playbook" : playbookCommand;
        forks = forks == null ? 50 : forks;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        controlPersist = controlPersist == null ? Duration.ofSeconds(60) : controlPersist;
        killGrace = killGrace == null ? Duration.ofSeconds(1) : killGrace;
        controlRoot = controlRoot == null ? java.nio.file.Path.of("/tmp", "devops-ssh-" + ProcessHandle.current().pid()) : controlRoot;
    }
}

package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTests {

    @TempDir
    Path dir;

    @Test
    void flagsOverrideTheConfigFile() throws Exception {
        Path file = dir.resolve("agent.yml");
        Files.writeString(file, """
                # written by install.sh
                server: "https://platform.example:8443/"
                enrollment_token: dve_from_file
                work-dir: /var/lib/devops-agent
                """);

        AgentConfig config = AgentConfig.parse(new String[] {"--config", file.toString(), "--work-dir", "/tmp/a",
                "--node-ip=127.0.0.9"});

        assertThat(config.server().toString()).isEqualTo("https://platform.example:8443");
        assertThat(config.enrollmentToken()).isEqualTo("dve_from_file");
        assertThat(config.workDir()).isEqualTo(Path.of("/tmp/a"));
        assertThat(config.nodeIp()).isEqualTo("127.0.0.9");
    }

    @Test
    void healthMonitorsPollEveryMinuteUnlessTheConfigSaysOtherwise() throws Exception {
        AgentConfig defaults = AgentConfig.parse(new String[] {"--server", "https://p", "--config", "/dev/null"});
        assertThat(defaults.health().interval()).hasSeconds(60);
        assertThat(defaults.health().kernelLog()).isEqualTo("journal");
        assertThat(defaults.health().expectedGpus()).isNull();

        Path file = dir.resolve("agent.yml");
        Files.writeString(file, "server: https://p\nhealth-interval: 5\nkernel-log: /var/log/kern.log\nexpected-gpus: 8\n");
        AgentConfig set = AgentConfig.parse(new String[] {"--config", file.toString()});
        assertThat(set.health().interval()).hasSeconds(5);
        assertThat(set.health().kernelLog()).isEqualTo("/var/log/kern.log");
        assertThat(set.health().expectedGpus()).isEqualTo(8);
        assertThat(AgentConfig.parse(new String[] {"--server", "https://p", "--config", "/dev/null", "--health-interval", "0"})
                .health().enabled()).isFalse();
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "https://p", "--config", "/dev/null",
                "--health-interval", "soon"})).hasMessage("health-interval must be a whole number, 0 or more, not 'soon'");
    }

    @Test
    void refusesUnknownFlagsAndAMissingServer() {
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--sever", "x"}))
                .hasMessageContaining("unknown option --sever");
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--config", dir.resolve("none.yml").toString()}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--work-dir", "/tmp/a", "--config", "/dev/null"}))
                .hasMessageContaining("--server URL is required");
    }

    @Test
    void aPlainHttpServerIsRefusedWithAMessageThatSaysHowToAllowItForTests() {
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "http://127.0.0.1:8080", "--config", "/dev/null"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refusing the plain http:// server URL")
                .hasMessageContaining("--allow-insecure-http");
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "ftp://platform", "--config", "/dev/null"}))
                .hasMessageContaining("must start with https://");
    }

    @Test
    void plainHttpIsAllowedOnlyByTheExplicitSwitchOrSetting() throws Exception {
        AgentConfig flagged = AgentConfig.parse(new String[] {"--server", "http://127.0.0.1:8080", "--allow-insecure-http",
                "--config", "/dev/null"});
        Path file = dir.resolve("agent.yml");
        Files.writeString(file, "server: http://127.0.0.1:8080\nallow-insecure-http: true\n");
        AgentConfig configured = AgentConfig.parse(new String[] {"--config", file.toString()});
        AgentConfig https = AgentConfig.parse(new String[] {"--server", "https://platform.example", "--config", "/dev/null"});

        assertThat(flagged.allowInsecureHttp()).isTrue();
        assertThat(configured.allowInsecureHttp()).isTrue();
        assertThat(https.allowInsecureHttp()).isFalse();
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "http://x", "--allow-insecure-http=maybe",
                "--config", "/dev/null"})).hasMessageContaining("true or false");
    }
}

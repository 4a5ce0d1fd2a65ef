package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.agent.HealthFinding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostHealthTests {

    @TempDir
    Path sys;

    @Test
    void aPortThatWentDownIsCriticalAndAGrowingLinkDownedCounterIsAFlap() throws IOException {
        port("mlx5_0", "1", "4: ACTIVE", "0");
        port("mlx5_1", "1", "1: DOWN", "0");
        HostHealth host = new HostHealth();
        assertThat(host.infiniband(sys).orElseThrow()).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("infiniband|IB_PORT_DOWN|mlx5_1/1");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        });

        port("mlx5_0", "1", "1: DOWN", "3");
        List<HealthFinding> findings = host.infiniband(sys).orElseThrow();

        assertThat(findings).extracting(HealthFinding::key, HealthFinding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("infiniband|IB_PORT_DOWN|mlx5_0/1", Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("infiniband|IB_LINK_DOWNED|mlx5_0/1", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("infiniband|IB_PORT_DOWN|mlx5_1/1", Severity.WARNING));
        assertThat(findings.get(1).evidence()).isEqualTo("mlx5_0/1/counters/link_downed: 0 -> 3");
    }

    @Test
    void aNodeWithoutInfinibandCannotBeLookedAt() {
        assertThat(new HostHealth().infiniband(sys.resolve("absent"))).isEmpty();
    }

    @Test
    void aFileSystemOverNinetyPercentIsAWarning() {
        assertThat(HostHealth.disk("/", 91, 100)).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("disk|FS_FULL|/");
            assertThat(finding.message()).contains("91 % full");
        });
        assertThat(HostHealth.disk("/", 90, 100)).isEmpty();
        assertThat(HostHealth.disk(sys)).hasValueSatisfying(findings -> assertThat(findings).isNotNull());
    }

    @Test
    void fabricManagerAnythingButActiveIsCritical() {
        assertThat(HostHealth.fabricManager("active\n")).isEmpty();
        assertThat(HostHealth.fabricManager("failed\n")).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("fabricmanager|FABRIC_MANAGER_INACTIVE|nvidia-fabricmanager");
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.evidence()).isEqualTo("systemctl is-active nvidia-fabricmanager: failed");
        });
    }

    private void port(String device, String port, String state, String linkDowned) throws IOException {
        Path dir = sys.resolve(device).resolve("ports").resolve(port);
        Files.createDirectories(dir.resolve("counters"));
        Files.writeString(dir.resolve("state"), state + "\n");
        Files.writeString(dir.resolve("counters/link_downed"), linkDowned + "\n");
    }
}

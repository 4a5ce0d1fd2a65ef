package io.devops.platform.content;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in roles collect_net_driver_info and user_set, run by ansible-playbook on an SSH test node. */
@DatabaseIndependent
class NetAndUserRolesTests {

    @TempDir
    Path work;

    private TestNodes nodes;

    @BeforeEach
    void nodes() {
        assumeTrue(TestNodes.available() && Files.isExecutable(Path.of("/usr/bin/ansible-playbook")),
                "needs root, openssh-server and ansible-core: run scripts/test.sh");
        nodes = TestNodes.shared();
    }

    /** Other tests expect the default fake node. */
    @AfterEach
    void defaultNodes() {
        if (nodes != null) {
            FakeFileServer.defaultNodes(nodes);
        }
    }

    @Test
    void theNetworkReportHasNicFirmwareIbPortsPcieLinksTopologyAndTheMultiNodeFacts() throws IOException {
        FakeGpuNode.of(nodes, 0).withDriver("550.54.14");
        Path report = work.resolve("net_driver_info.md");

        RolePlaybook.Outcome outcome = new RolePlaybook(nodes, work, "collect_net_driver_info")
                .var("collect_net_driver_info_report", report.toString()).run(List.of(0));

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.changed(nodes.ip(0))).isZero();
        assertThat(Files.readString(report))
                .contains("| HCAs | mlx5_0,mlx5_1 |")
                .contains("| GPUs | 8 x NVIDIA H100 80GB HBM3 |")
                .contains("| Control network | ")
                .contains("| mlx5_0 | 1 | Active | LinkUp | 400 | InfiniBand | 28.39.1002 |")
                .contains("| mlx5_core | 28.39.1002 (MT_0000000838) |")
                .contains("| 0 | 00000000:18:00.0 | 5 / 5 | x16 / x16 | ok |")
                .contains("| 7 | 00000000:DB:00.0 | 1 / 5 | x16 / x16 | ok (gen below max: normal when idle) |")
                .doesNotContain("degraded")
                .contains("fw_ver:\t\t\t\t28.39.1002")
                .contains("GPU0\t X \tNV18");
        assertThat(outcome.output()).contains("| HCAs | mlx5_0,mlx5_1 |");
    }

    @Test
    void withoutADriverTheNetworkReportSaysNotAvailableInsteadOfFailing() throws IOException {
        FakeGpuNode.of(nodes, 0);
        Path report = work.resolve("net_driver_info.md");

        RolePlaybook.Outcome outcome = new RolePlaybook(nodes, work, "collect_net_driver_info")
                .var("collect_net_driver_info_report", report.toString()).run(List.of(0));

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(Files.readString(report)).contains("| GPUs | not available (nvidia-smi missing or failing) |")
                .contains("## GPU PCIe links\n\nnot available");
    }

    @Test
    void userSetRefusesAnAccountNameThatIsNotALinuxUserNameBeforeChangingAnything() {
        RolePlaybook.Outcome outcome = new RolePlaybook(nodes, work, "user_set")
                .var("user_set_name", "tester; rm -rf /").run(List.of(0));

        assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
        assertThat(outcome.output()).contains("user_set needs user_set_name: a Linux user name")
                .contains("got 'tester; rm -rf /'");
        assertThat(outcome.changed(nodes.ip(0))).isZero();
    }

    @Test
    void userSetUnderCheckShowsTheAccountItWouldCreateWithoutCreatingIt() {
        RolePlaybook.Outcome outcome = new RolePlaybook(nodes, work, "user_set")
                .var("user_set_name", "gpu_accept_check").run(List.of(0), "--check");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("TASK [user_set : Create the account with its SSH key]");
        assertThat(Path.of("/home/gpu_accept_check")).doesNotExist();
    }
}

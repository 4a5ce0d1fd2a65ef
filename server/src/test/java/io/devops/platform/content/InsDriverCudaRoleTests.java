package io.devops.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in role ins_driver_cuda, unchanged, run by ansible-playbook over SSH on the test nodes
 * with fake GPU tools and fake installers (test resources fake-bin/, fake-installers/): what it
 * decides, what it runs, what it leaves alone.
 */
class InsDriverCudaRoleTests {

    private static final String DRIVER = "NVIDIA-Linux-x86_64-550.54.14.run";
    private static final String CUDA = "cuda_12.3.1_545.23.08_linux.run";
    private static final String FABRIC = "nvidia-fabricmanager-550_550.54.14-1_amd64.deb";

    @TempDir
    Path work;

    private TestNodes nodes;
    private Path packages;

    @BeforeEach
    void nodesAndPackages() throws IOException {
        assumeTrue(TestNodes.available() && Files.isExecutable(Path.of("/usr/bin/ansible-playbook")),
                "needs root, openssh-server and ansible-core: run scripts/test.sh");
        nodes = TestNodes.shared();
        packages = Files.createDirectories(work.resolve("pkg"));
        installer("NVIDIA-Linux-x86_64.run", DRIVER);
        installer("cuda_linux.run", CUDA);
        Files.writeString(packages.resolve(FABRIC), "a Fabric Manager package (the fake dpkg reads its name)\n");
    }

    /** Other tests expect the default fake node. */
    @AfterEach
    void defaultNodes() {
        if (nodes != null) {
            FakeFileServer.defaultNodes(nodes);
        }
    }

    @Test
    void aFreshNodeGetsDriverCudaAndFabricManagerOnlyWithNvSwitchAndASecondRunHasNothingToDo() throws IOException {
        FakeGpuNode hgx = FakeGpuNode.of(nodes, 0).withNvSwitch();
        FakeGpuNode pcie = FakeGpuNode.of(nodes, 1);

        RolePlaybook.Outcome first = allThree().run(List.of(0, 1));

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("driver: install (no NVIDIA driver found; 550.54.14 wanted)")
                .contains("cuda: install (no CUDA toolkit found; 12.3.1 wanted")
                .contains("fabric manager: install (NVSwitch present, no Fabric Manager found; 550.54.14 wanted)")
                .contains("fabric manager: skipped (no NVSwitch on this node")
                .contains("reboot needed: no");
        assertThat(hgx.calls()).containsExactly(
                "driver-installer " + DRIVER + " --silent --dkms",
                "cuda-installer " + CUDA + " --silent --toolkit --no-man-page",
                "dpkg -i " + packages.resolve(FABRIC),
                "systemctl enable --now nvidia-fabricmanager",
                "nvidia-smi -pm 1");
        assertThat(pcie.calls()).containsExactly(
                "driver-installer " + DRIVER + " --silent --dkms",
                "cuda-installer " + CUDA + " --silent --toolkit --no-man-page",
                "nvidia-smi -pm 1");
        assertThat(hgx.installed("driver")).isEqualTo("550.54.14");
        assertThat(hgx.installed("fabricmanager")).isEqualTo("550.54.14");
        assertThat(hgx.has("fabricmanager-active")).isTrue();
        assertThat(pcie.has("fabricmanager")).isFalse();
        assertThat(report(0)).contains("| GPUs | 8 x NVIDIA H100 80GB HBM3 |").contains("| NVSwitches | 4 |")
                .contains("| Driver | 550.54.14 |").contains("| Fabric Manager | 550.54.14, active |")
                .contains("| Driver | install | no NVIDIA driver found; 550.54.14 wanted |")
                .contains("| Kernel | ");

        RolePlaybook.Outcome second = allThree().run(List.of(0, 1));

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.changed(nodes.ip(0))).as(second.output()).isZero();
        assertThat(second.changed(nodes.ip(1))).as(second.output()).isZero();
        assertThat(second.output()).contains("driver: nothing to do (550.54.14 is installed and nvidia-smi works)")
                .contains("cuda: nothing to do (12.3.1 is installed)")
                .contains("fabric manager: nothing to do (550.54.14 is installed and active)");
        assertThat(hgx.calls()).hasSize(5);
        assertThat(pcie.calls()).hasSize(3);
    }

    @Test
    void anotherDriverIsUninstalledThenInstalledAndAFabricManagerOfAnotherVersionIsReplaced() {
        FakeGpuNode old = FakeGpuNode.of(nodes, 0).withDriver("535.161.08").withCuda("12.2.0");
        FakeGpuNode mismatch = FakeGpuNode.of(nodes, 1).withDriver("550.54.14").withCuda("12.3.1").withNvSwitch()
                .withActiveFabricManager("550.90.07");

        RolePlaybook.Outcome outcome = allThree().run(List.of(0, 1));

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output())
                .contains("driver: uninstall then install (535.161.08 is installed; 550.54.14 wanted)")
                .contains("cuda: install (12.2 is installed; 12.3.1 wanted: installed beside it, toolkit only")
                .contains("driver: nothing to do (550.54.14 is installed and nvidia-smi works)")
                .contains("fabric manager: reinstall (550.90.07 is installed; 550.54.14 wanted to match the driver)");
        assertThat(old.calls()).containsExactly(
                "nvidia-installer --uninstall --silent",
                "driver-installer " + DRIVER + " --silent --dkms",
                "cuda-installer " + CUDA + " --silent --toolkit --no-man-page",
                "nvidia-smi -pm 1");
        assertThat(old.installed("driver")).isEqualTo("550.54.14");
        assertThat(mismatch.calls()).containsExactly("dpkg -i " + packages.resolve(FABRIC),
                "systemctl enable --now nvidia-fabricmanager");
        assertThat(mismatch.installed("fabricmanager")).isEqualTo("550.54.14");
        assertThat(mismatch.has("fabricmanager-active")).isTrue();
    }

    @Test
    void aMissingInstallerFileFailsBeforeAnythingChangesAndNamesThePath() {
        FakeGpuNode node = FakeGpuNode.of(nodes, 0).withDriver("535.161.08");

        RolePlaybook.Outcome outcome = new RolePlaybook(nodes, work, "ins_driver_cuda")
                .var("local_nvidia_driver_path", "/data/nowhere/NVIDIA-Linux-x86_64-550.54.14.run")
                .hostVar(0, "ins_driver_cuda_report", work.resolve("host_info.md").toString())
                .run(List.of(0));

        assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
        assertThat(outcome.output()).contains("installer file not found on 127.0.1.1: /data/nowhere/NVIDIA-Linux-x86_64-550.54.14.run");
        assertThat(node.calls()).isEmpty();
        assertThat(node.installed("driver")).isEqualTo("535.161.08");
    }

    @Test
    void aFabricManagerFileOfAnotherVersionThanTheDriverIsRefusedBeforeAnythingChanges() throws IOException {
        FakeGpuNode node = FakeGpuNode.of(nodes, 0).withNvSwitch();
        Files.writeString(packages.resolve("nvidia-fabricmanager-550_550.90.07-1_amd64.deb"), "package\n");

        RolePlaybook.Outcome outcome = new RolePlaybook(nodes, work, "ins_driver_cuda")
                .var("local_nvidia_driver_path", packages.resolve(DRIVER).toString())
                .var("local_fabric_path", packages.resolve("nvidia-fabricmanager-550_550.90.07-1_amd64.deb").toString())
                .hostVar(0, "ins_driver_cuda_report", work.resolve("host_info.md").toString())
                .run(List.of(0));

        assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
        assertThat(outcome.output()).contains("Fabric Manager 550.90.07").contains("does not match the driver 550.54.14");
        assertThat(node.calls()).isEmpty();
    }

    @Test
    void checkModeAndTheCheckOnlyVariableDecideAndReportButChangeNothing() throws IOException {
        FakeGpuNode checked = FakeGpuNode.of(nodes, 0).withDriver("535.161.08").withNvSwitch();
        FakeGpuNode checkOnly = FakeGpuNode.of(nodes, 1);

        RolePlaybook.Outcome underCheck = allThree().run(List.of(0), "--check");
        RolePlaybook.Outcome withVariable = allThree().hostVar(1, "ins_driver_cuda_check_only", true).run(List.of(1));

        assertThat(underCheck.exitCode()).as(underCheck.output()).isZero();
        assertThat(underCheck.output()).contains("driver: uninstall then install (535.161.08 is installed; 550.54.14 wanted)")
                .contains("fabric manager: install").contains("check mode: nothing was changed");
        assertThat(checked.calls()).isEmpty();
        assertThat(checked.installed("driver")).isEqualTo("535.161.08");
        assertThat(report(0)).contains("| Driver | uninstall then install |").contains("(check mode: nothing was changed)");

        assertThat(withVariable.exitCode()).as(withVariable.output()).isZero();
        assertThat(withVariable.changed(nodes.ip(1))).isZero();
        assertThat(withVariable.output()).contains("driver: install (no NVIDIA driver found; 550.54.14 wanted)");
        assertThat(checkOnly.calls()).isEmpty();
        assertThat(checkOnly.has("driver")).isFalse();
    }

    private RolePlaybook allThree() {
        RolePlaybook playbook = new RolePlaybook(nodes, work, "ins_driver_cuda")
                .var("local_nvidia_driver_path", packages.resolve(DRIVER).toString())
                .var("local_cuda_driver_path", packages.resolve(CUDA).toString())
                .var("local_fabric_path", packages.resolve(FABRIC).toString());
        for (int node = 0; node < TestNodes.COUNT; node++) {
            playbook.hostVar(node, "ins_driver_cuda_report", work.resolve("host_info-" + node + ".md").toString());
        }
        return playbook;
    }

    private String report(int node) throws IOException {
        return Files.readString(work.resolve("host_info-" + node + ".md"));
    }

    private void installer(String fake, String name) throws IOException {
        Path target = packages.resolve(name);
        Files.copy(Path.of("src", "test", "resources", "fake-installers", fake), target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

package io.devops.platform.content;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * decides, what it runs and in which order, what it refuses, what it leaves alone.
 */
@DatabaseIndependent
class InsDriverCudaRoleTests {

    private static final String DRIVER = "NVIDIA-Linux-x86_64-550.54.14.run";
    private static final String CUDA = "cuda_12.3.1_545.23.08_linux.run";
    private static final String FABRIC = "nvidia-fabricmanager-550_550.54.14-1_amd64.deb";

    @TempDir
    Path work;

    private TestNodes nodes;
    private Path packages;
    private String driverSha256;
    private Path modulesDir;

    @BeforeEach
    void nodesAndPackages() throws IOException {
        assumeTrue(TestNodes.available() && Files.isExecutable(Path.of("/usr/bin/ansible-playbook")),
                "needs root, openssh-server and ansible-core: run scripts/test.sh");
        nodes = TestNodes.shared();
        packages = Files.createDirectories(work.resolve("pkg"));
        installer("NVIDIA-Linux-x86_64.run", DRIVER);
        installer("cuda_linux.run", CUDA);
        Files.writeString(packages.resolve(FABRIC), "a Fabric Manager package (the fake dpkg reads its name)\n");
        driverSha256 = sha256(packages.resolve(DRIVER));
        // The test nodes are this machine: its kernel's headers, as the role looks for them.
        modulesDir = work.resolve("lib-modules");
        Files.createDirectories(modulesDir.resolve(System.getProperty("os.version")).resolve("build"));
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
                "modprobe nvidia",
                "cuda-installer " + CUDA + " --silent --toolkit --no-man-page",
                "dpkg -i " + packages.resolve(FABRIC),
                "systemctl enable --now nvidia-fabricmanager",
                "nvidia-smi -pm 1");
        assertThat(pcie.calls()).containsExactly(
                "driver-installer " + DRIVER + " --silent --dkms",
                "modprobe nvidia",
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
                .contains("fabric manager: nothing to do (550.54.14 is installed and active)")
                .contains("changes: none, the node already has the wanted driver, CUDA and Fabric Manager");
        assertThat(hgx.calls()).hasSize(6);
        assertThat(pcie.calls()).hasSize(4);
        assertThat(report(0)).contains("| Changes | none: the node already had the wanted driver, CUDA and Fabric Manager |");
    }

    @Test
    void aLiveHgxNodeIsUpgradedInOrderAFabricManagerOfAnotherVersionIsReplacedAndASecondRunChangesNothing() throws IOException {
        FakeGpuNode live = FakeGpuNode.of(nodes, 0).withDriver("535.161.08").withCuda("12.3.1").withNvSwitch()
                .withActiveFabricManager("535.161.08").withActiveService("nvidia-persistenced").withActiveService("nvidia-dcgm");
        FakeGpuNode mismatch = FakeGpuNode.of(nodes, 1).withDriver("550.54.14").withCuda("12.3.1").withNvSwitch()
                .withActiveFabricManager("550.90.07");

        RolePlaybook.Outcome outcome = allThree().run(List.of(0, 1));

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output())
                .contains("driver: uninstall then install (535.161.08 is installed; 550.54.14 wanted)")
                .contains("fabric manager: reinstall (535.161.08 is installed; 550.54.14 wanted to match the driver)")
                .contains("driver: nothing to do (550.54.14 is installed and nvidia-smi works)")
                .contains("fabric manager: reinstall (550.90.07 is installed; 550.54.14 wanted to match the driver)")
                .contains("changes: driver uninstall then install, Fabric Manager reinstall")
                .contains("changes: Fabric Manager reinstall");
        // Services holding the devices stop, every module goes (users first), only then the old driver;
        // the new one is loaded, Fabric Manager brought to its version, and the services start again.
        assertThat(live.calls()).containsExactly(
                "systemctl stop nvidia-fabricmanager",
                "systemctl stop nvidia-persistenced",
                "systemctl stop nvidia-dcgm",
                "rmmod nvidia_uvm", "rmmod nvidia_drm", "rmmod nvidia_modeset", "rmmod nvidia",
                "nvidia-installer --uninstall --silent",
                "driver-installer " + DRIVER + " --silent --dkms",
                "modprobe nvidia", "modprobe nvidia_modeset", "modprobe nvidia_drm", "modprobe nvidia_uvm",
                "dpkg -i " + packages.resolve(FABRIC),
                "systemctl start nvidia-persistenced",
                "systemctl enable --now nvidia-fabricmanager",
                "systemctl start nvidia-dcgm");
        assertThat(live.installed("driver")).isEqualTo("550.54.14");
        assertThat(live.installed("fabricmanager")).isEqualTo("550.54.14");
        assertThat(live.has("fabricmanager-active")).isTrue();
        assertThat(live.has("active-nvidia-persistenced")).isTrue();
        assertThat(live.has("active-nvidia-dcgm")).isTrue();
        assertThat(live.modules()).extracting(line -> line.split(" ")[0])
                .containsExactlyInAnyOrder("nvidia", "nvidia_modeset", "nvidia_drm", "nvidia_uvm");
        assertThat(report(0)).contains("| Driver change | stopped nvidia-fabricmanager, nvidia-persistenced, nvidia-dcgm; "
                + "unloaded nvidia_uvm nvidia_drm nvidia_modeset nvidia;");
        assertThat(mismatch.calls()).containsExactly("dpkg -i " + packages.resolve(FABRIC),
                "systemctl enable --now nvidia-fabricmanager");
        assertThat(mismatch.installed("fabricmanager")).isEqualTo("550.54.14");
        assertThat(mismatch.has("fabricmanager-active")).isTrue();

        RolePlaybook.Outcome second = allThree().run(List.of(0, 1));

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.changed(nodes.ip(0))).as(second.output()).isZero();
        assertThat(second.changed(nodes.ip(1))).as(second.output()).isZero();
        assertThat(second.output()).contains("changes: none, the node already has the wanted driver, CUDA and Fabric Manager");
        assertThat(live.calls()).hasSize(17);
        assertThat(mismatch.calls()).hasSize(2);
    }

    @Test
    void aDriverChangeIsRefusedWithNothingChangedWhenGpuProcessesRunTheChecksumDiffersOrAModuleIsInUse() {
        FakeGpuNode busy = FakeGpuNode.of(nodes, 0).withDriver("535.161.08").withGpuProcesses("4242", "4343");
        FakeGpuNode corrupt = FakeGpuNode.of(nodes, 1).withDriver("535.161.08").withoutDkms();
        FakeGpuNode held = FakeGpuNode.of(nodes, 2).withDriver("535.161.08").withActiveService("nvidia-persistenced")
                .withActiveService("dcgm").withModules(FakeGpuNode.IDLE_MODULES.replace("nvidia_uvm 0 -", "nvidia_uvm 1 -"));
        RolePlaybook playbook = new RolePlaybook(nodes, work, "ins_driver_cuda")
                .var("local_nvidia_driver_path", packages.resolve(DRIVER).toString());
        for (int node = 0; node < TestNodes.COUNT; node++) {
            playbook.hostVar(node, "ins_driver_cuda_report", work.resolve("host_info-" + node + ".md").toString())
                    .hostVar(node, "ins_driver_cuda_kernel_modules_dir", modulesDir.toString())
                    .hostVar(node, "local_nvidia_driver_sha256", driverSha256);
        }
        String wrong = "0".repeat(64);
        playbook.hostVar(1, "local_nvidia_driver_sha256", wrong).hostVar(1, "ins_driver_cuda_kernel_modules_dir",
                work.resolve("no-headers").toString());

        RolePlaybook.Outcome outcome = playbook.run(List.of(0, 1, 2));

        assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
        assertThat(outcome.output())
                .contains("GPU processes are running (pids 4242, 4343): stop them or drain the node first")
                .contains("the checksum of " + packages.resolve(DRIVER) + " differs: its SHA-256 is " + driverSha256 + ", "
                        + wrong + " was given")
                .contains("install linux-headers-" + System.getProperty("os.version"))
                .contains("dkms not found: install dkms")
                .contains("no module was removed: nvidia_uvm is in use (1 user(s) besides the modules unloaded here: "
                        + "a process or service with /dev/nvidia* open)")
                .contains("Services started again: nvidia-persistenced, dcgm.");
        assertThat(busy.calls()).isEmpty();
        assertThat(corrupt.calls()).isEmpty();
        // The services were stopped only to read the use counts, and run again; no module was touched.
        assertThat(held.calls()).containsExactly("systemctl stop nvidia-persistenced", "systemctl stop dcgm",
                "systemctl start nvidia-persistenced", "systemctl start dcgm");
        assertThat(held.has("active-nvidia-persistenced")).isTrue();
        assertThat(held.has("active-dcgm")).isTrue();
        for (FakeGpuNode node : List.of(busy, corrupt, held)) {
            assertThat(node.installed("driver")).isEqualTo("535.161.08");
            assertThat(node.modules()).hasSize(4);
        }
    }

    @Test
    void aDriverIsNeverInstalledWithoutAChecksumAndAnInvalidChecksumIsRefused() {
        FakeGpuNode node = FakeGpuNode.of(nodes, 0).withDriver("535.161.08");
        RolePlaybook without = new RolePlaybook(nodes, work, "ins_driver_cuda")
                .var("local_nvidia_driver_path", packages.resolve(DRIVER).toString())
                .hostVar(0, "ins_driver_cuda_kernel_modules_dir", modulesDir.toString())
                .hostVar(0, "ins_driver_cuda_report", work.resolve("host_info.md").toString());

        RolePlaybook.Outcome missing = without.run(List.of(0));
        RolePlaybook.Outcome injected = without.hostVar(0, "local_nvidia_driver_sha256", driverSha256 + "; reboot").run(List.of(0));

        assertThat(missing.exitCode()).as(missing.output()).isNotZero();
        assertThat(missing.output()).contains("no SHA-256 given for " + packages.resolve(DRIVER)
                + ": set local_nvidia_driver_sha256 (NVIDIA publishes " + DRIVER + ".sha256sum beside the file)");
        assertThat(injected.exitCode()).as(injected.output()).isNotZero();
        assertThat(injected.output()).contains("local_nvidia_driver_sha256 must be the 64 hexadecimal digits");
        assertThat(node.calls()).isEmpty();
        assertThat(node.installed("driver")).isEqualTo("535.161.08");
    }

    @Test
    void aDriverChangeWithoutAFabricManagerFileIsRefusedOnAnNvSwitchNodeWhoseFabricManagerWouldNotMatch() {
        FakeGpuNode node = FakeGpuNode.of(nodes, 0).withDriver("535.161.08").withNvSwitch().withActiveFabricManager("535.161.08");

        RolePlaybook.Outcome outcome = new RolePlaybook(nodes, work, "ins_driver_cuda")
                .var("local_nvidia_driver_path", packages.resolve(DRIVER).toString())
                .hostVar(0, "local_nvidia_driver_sha256", driverSha256)
                .hostVar(0, "ins_driver_cuda_kernel_modules_dir", modulesDir.toString())
                .hostVar(0, "ins_driver_cuda_report", work.resolve("host_info.md").toString())
                .run(List.of(0));

        assertThat(outcome.exitCode()).as(outcome.output()).isNotZero();
        assertThat(outcome.output()).contains("has NVSwitches and Fabric Manager 535.161.08, but its driver will be 550.54.14")
                .contains("give local_fabric_path, the nvidia-fabricmanager file of version 550.54.14. Nothing was changed.");
        assertThat(node.calls()).isEmpty();
        assertThat(node.installed("driver")).isEqualTo("535.161.08");
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
                .var("local_nvidia_driver_sha256", driverSha256)
                .var("local_cuda_driver_path", packages.resolve(CUDA).toString())
                .var("local_fabric_path", packages.resolve(FABRIC).toString());
        for (int node = 0; node < TestNodes.COUNT; node++) {
            playbook.hostVar(node, "ins_driver_cuda_report", work.resolve("host_info-" + node + ".md").toString())
                    .hostVar(node, "ins_driver_cuda_kernel_modules_dir", modulesDir.toString());
        }
        return playbook;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

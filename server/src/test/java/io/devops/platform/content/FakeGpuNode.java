package io.devops.platform.content;

import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fake GPU state of one SSH test node (see test resources fake-gpu/README.md): what the fake
 * nvidia-smi, nvcc, lspci, nv-fabricmanager, systemctl, lsmod and dkms report, and the calls the fake
 * installers, services and rmmod/modprobe received. Built fluently: {@code FakeGpuNode.of(nodes, 0).fresh().withNvSwitch()}.
 */
final class FakeGpuNode {

    private final Path state;

    private FakeGpuNode(Path state) {
        this.state = state;
    }

    /** The state of test node {@code index}, reset to a node with GPUs and nothing installed. */
    static FakeGpuNode of(TestNodes nodes, int index) {
        return new FakeGpuNode(TestNodes.fakeBin().getParent().resolve("fake-gpu-state").resolve(nodes.ip(index))).fresh();
    }

    FakeGpuNode fresh() {
        try {
            if (Files.exists(state)) {
                try (Stream<Path> files = Files.walk(state)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(state);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Modules of a loaded, idle driver (fake-bin/fake-modules): name, use count, holders. */
    static final String IDLE_MODULES = """
            nvidia_uvm 0 -
            nvidia_drm 0 -
            nvidia_modeset 1 nvidia_drm
            nvidia 2 nvidia_uvm,nvidia_modeset""";

    /** A driver installed and loaded, its modules idle. */
    FakeGpuNode withDriver(String version) {
        write("driver", version);
        write("modules", IDLE_MODULES);
        return write("persistence", "Enabled");
    }

    /** The loaded modules as the fake lsmod keeps them (see {@link #IDLE_MODULES}). */
    FakeGpuNode withModules(String lines) {
        return write("modules", lines);
    }

    /** A running GPU service: nvidia-persistenced, nvidia-dcgm or dcgm (Fabric Manager: withActiveFabricManager). */
    FakeGpuNode withActiveService(String unit) {
        return write("active-" + unit, "");
    }

    FakeGpuNode withGpuProcesses(String... pids) {
        return write("compute-apps", String.join("\n", pids));
    }

    FakeGpuNode withoutDkms() {
        return write("no-dkms", "");
    }

    FakeGpuNode withCuda(String version) {
        return write("cuda", version);
    }

    FakeGpuNode withNvSwitch() {
        return write("nvswitch", "4");
    }

    FakeGpuNode withActiveFabricManager(String version) {
        write("fabricmanager", version);
        return write("fabricmanager-active", "");
    }

    FakeGpuNode slow() {
        return write("slow", "");
    }

    List<String> modules() {
        return lines("modules");
    }

    /** What the fake installers, uninstaller, dpkg, systemctl and nvidia-smi -pm were asked to do, in order. */
    List<String> calls() {
        return lines("calls");
    }

    String installed(String component) {
        List<String> lines = lines(component);
        return lines.isEmpty() ? null : lines.get(0);
    }

    boolean has(String file) {
        return Files.exists(state.resolve(file));
    }

    private List<String> lines(String file) {
        try {
            Path path = state.resolve(file);
            return Files.exists(path) ? Files.readAllLines(path) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FakeGpuNode write(String file, String content) {
        try {
            Files.writeString(state.resolve(file), content + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

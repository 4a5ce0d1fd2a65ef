package io.devops.platform.content;

import io.devops.platform.support.TestNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The seed's file server layout (/data/fileserver/pkg/...) with the fake installers under the real
 * file names the built-in operators name, so the built-in templates run unchanged on the test
 * nodes (which are this machine); and the test nodes' fake GPU state back to the default node.
 */
public final class FakeFileServer {

    private static final Path ROOT = Path.of("/data/fileserver/pkg");
    private static final Map<String, String> FILES = Map.of(
            "driver/NVIDIA-Linux-x86_64-550.54.14.run", "NVIDIA-Linux-x86_64.run",
            "driver/NVIDIA-Linux-x86_64-535.54.14.run", "NVIDIA-Linux-x86_64.run",
            "cuda/cuda_12.3.1_545.23.08_linux.run", "cuda_linux.run",
            "cuda/cuda_12.2.0_535.54.03_linux.run", "cuda_linux.run",
            "fabric/nvidia-fabricmanager-550_550.54.14-1_amd64.deb", "");

    private FakeFileServer() {
    }

    /** Puts the fake installers in place (idempotent). */
    public static void install() {
        try {
            for (var file : FILES.entrySet()) {
                Path target = ROOT.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                if (file.getValue().isEmpty()) {
                    Files.writeString(target, "a Fabric Manager package (the fake dpkg reads its name)\n");
                    continue;
                }
                Files.copy(Path.of("src", "test", "resources", "fake-installers", file.getValue()), target,
                        StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the fake installers under " + ROOT, e);
        }
    }

    /** Every test node back to the default fake node (driver 550.54.15, CUDA 12.4.1, no NVSwitch). */
    public static void defaultNodes(TestNodes nodes) {
        Path states = TestNodes.fakeBin().getParent().resolve("fake-gpu-state");
        for (int i = 0; i < TestNodes.COUNT; i++) {
            Path state = states.resolve(nodes.ip(i));
            if (!Files.exists(state)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(state)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

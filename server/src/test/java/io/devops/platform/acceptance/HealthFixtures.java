package io.devops.platform.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The recorded outputs the fakes replay ({@code acceptance-outputs/<profile>/<check>.txt}, falling
 * back to the healthy H100 profile as the fakes do), and the real captures of
 * ../shared/reference/gpu-outputs when that folder is there.
 */
final class HealthFixtures {

    static final NodeContext H100 = NodeContext.single("H100", 8);
    static final NodeContext H200 = NodeContext.single("H200", 8);
    static final NodeContext A100 = NodeContext.single("A100", 8);
    static final String MISSING_NVIDIA_SMI = "devops-acceptance: missing tool nvidia-smi (install the NVIDIA driver)\n";

    private HealthFixtures() {
    }

    static String output(String profile, String check) {
        String own = read("acceptance-outputs/" + profile + "/" + check + ".txt");
        return own != null ? own : require("acceptance-outputs/h100-8-healthy/" + check + ".txt");
    }

    static String healthy(String model, String check) {
        return require("acceptance-outputs/" + model + "-8-healthy/" + check + ".txt");
    }

    /** The real captures whose names contain one of {@code parts}; skips the test when the folder is absent. */
    static List<Path> realOutputs(String... parts) {
        Path folder = Stream.of("../shared/reference/gpu-outputs", "../../shared/reference/gpu-outputs",
                        "/work/shared/reference/gpu-outputs").map(Path::of).filter(Files::isDirectory).findFirst().orElse(null);
        Assumptions.assumeTrue(folder != null, "../shared/reference/gpu-outputs is not here: real captures not checked");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> Stream.of(parts).anyMatch(part -> file.getFileName().toString().contains(part))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String require(String resource) {
        String text = read(resource);
        if (text == null) {
            throw new IllegalStateException("no fixture " + resource);
        }
        return text;
    }

    private static String read(String resource) {
        try (InputStream in = HealthFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.devops.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What real machines printed: ../shared/reference/gpu-outputs beside the repository (see its
 * SOURCES.md). A test that needs it is skipped, saying so, where the folder is not there.
 */
final class RealOutputs {

    private RealOutputs() {
    }

    static String text(String name) {
        Path folder = Stream.of("../../shared/reference/gpu-outputs", "../shared/reference/gpu-outputs",
                        "/work/shared/reference/gpu-outputs").map(Path::of).filter(Files::isDirectory).findFirst().orElse(null);
        Assumptions.assumeTrue(folder != null, "../shared/reference/gpu-outputs is not here: real captures not checked");
        try {
            return Files.readString(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String name) {
        return text(name).lines().toList();
    }
}

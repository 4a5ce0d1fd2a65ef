package io.devops.platform.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real agent process: {@code java -jar agent/target/devops-agent.jar} when the jar is up to date
 * with the agent's classes, otherwise the same main class from the classes the reactor just built
 * ({@code mvn test} stops before {@code package}). A fake {@code nvidia-smi} is first on its PATH.
 */
public final class AgentProcess implements AutoCloseable {

    private static final Path AGENT = Path.of("..", "agent", "target");
    private static final Path FAKE_BIN = Path.of("src", "test", "resources", "fake-bin").toAbsolutePath();

    private final Process process;
    private final Path workDir;

    private AgentProcess(Process process, Path workDir) {
        this.process = process;
        this.workDir = workDir;
    }

    /** Over plain HTTP to the loopback test server: the agent refuses that unless told it is allowed. */
    public static AgentProcess start(String serverUrl, String enrollmentToken, String nodeIp, Path workDir) {
        return start(serverUrl, enrollmentToken, nodeIp, workDir,
                serverUrl.startsWith("http://") ? List.of("--allow-insecure-http") : List.of());
    }

    /** {@code options}: more flags, as they are given ({@code --ca-file}, {@code --pinned-cert-sha256}...). */
    public static AgentProcess start(String serverUrl, String enrollmentToken, String nodeIp, Path workDir,
                                     List<String> options) {
        try {
            Files.createDirectories(workDir);
            FAKE_BIN.resolve("nvidia-smi").toFile().setExecutable(true);
            List<String> command = new ArrayList<>(launcher());
            command.addAll(List.of("--server", serverUrl, "--work-dir", workDir.toString(), "--node-ip", nodeIp,
                    "--config", "/dev/null"));
            if (enrollmentToken != null) {
                command.addAll(List.of("--enrollment-token", enrollmentToken));
            }
            command.addAll(options);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("agent.log").toFile()));
            builder.environment().put("PATH", FAKE_BIN + File.pathSeparator + System.getenv("PATH"));
            return new AgentProcess(builder.start(), workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path workDir() {
        return workDir;
    }

    public String log() {
        try {
            return Files.readString(workDir.resolve("agent.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The credential the agent saved. The server knows the node (and may show it online) the moment
     * it answers the enrolment, a little before the agent has written the file: wait for it.
     */
    public String credential() throws IOException {
        Path file = workDir.resolve("credential");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Files.readString(file).strip();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Integer waitForExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** Like a crash: the agent dies at once and its commands' processes with it. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static List<String> launcher() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
        List<String> command = new ArrayList<>(jvm);
        Path jar = AGENT.resolve("devops-agent.jar");
        if (Files.exists(jar) && !newestClass().isPresentAndNewerThan(Files.getLastModifiedTime(jar))) {
            command.addAll(List.of("-jar", jar.toString()));
            return command;
        }
        String classpath = Stream.concat(Stream.of(AGENT.resolve("classes").toString()),
                        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                                .filter(entry -> entry.contains("com/fasterxml/jackson/core/")))
                .collect(Collectors.joining(File.pathSeparator));
        command.addAll(List.of("-cp", classpath, "io.devops.agent.AgentMain"));
        return command;
    }

    private static Newest newestClass() throws IOException {
        try (Stream<Path> files = Files.walk(AGENT.resolve("classes"))) {
            return new Newest(files.filter(Files::isRegularFile).map(AgentProcess::modified).max(FileTime::compareTo).orElse(null));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Newest(FileTime time) {
        boolean isPresentAndNewerThan(FileTime other) {
            return time != null && time.compareTo(other) > 0;
        }
    }
}

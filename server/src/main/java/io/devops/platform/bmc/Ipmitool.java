package io.devops.platform.bmc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code ipmitool -I lanplus} command against a BMC: an argument list, never a shell; the
 * password only in the child's own environment ({@code -E} reads IPMI_PASSWORD), never on its
 * command line; the child gets none of the server's other variables (they hold its secrets).
 */
final class Ipmitool {

    private static final Set<String> INHERITED = Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private final IpmiSettings settings;

    Ipmitool(IpmiSettings settings) {
        this.settings = settings;
    }

    /** The answer of {@code ipmitool ... chassis <words>}; output has the password masked should a BMC echo it. */
    Answer chassis(BmcTarget target, String... words) {
        List<String> command = new ArrayList<>(List.of(settings.executable(), "-I", "lanplus",
                "-C", Integer.toString(settings.cipherSuite()), "-H", target.address(), "-p", Integer.toString(target.port()),
                "-U", target.username(), "-E", "chassis"));
        command.addAll(List.of(words));
        Path output = null;
        try {
            output = Files.createTempFile("ipmitool-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> environment = builder.environment();
            environment.keySet().retainAll(INHERITED);
            environment.put("IPMI_PASSWORD", target.password());
            Process process = builder.start();
            boolean finished = process.waitFor(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String text = mask(Files.readString(output, StandardCharsets.UTF_8).strip(), target.password());
            return new Answer(finished ? process.exitValue() : -1, !finished, text);
        } catch (IOException e) {
            return new Answer(-1, false, "ipmitool could not be started (" + e.getMessage() + "); install ipmitool on the server");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, false, "interrupted while waiting for ipmitool");
        } finally {
            deleteQuietly(output);
        }
    }

    private static String mask(String text, String password) {
        return password.isEmpty() ? text : text.replace(password, "******");
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // A temporary file holding no secret: the system's cleanup takes it.
            }
        }
    }

    /** @param exitCode -1 when the command did not finish or could not start */
    record Answer(int exitCode, boolean timedOut, String output) {

        boolean ok() {
            return exitCode == 0;
        }

        /** The output's lines, or a stand-in when there was none. */
        String oneLine() {
            return output.isBlank() ? "(no output)" : output.replace('\n', ' ').replaceAll("\\s+", " ");
        }
    }
}

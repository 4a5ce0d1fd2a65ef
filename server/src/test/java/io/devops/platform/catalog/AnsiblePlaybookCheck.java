package io.devops.platform.catalog;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** {@code ansible-playbook --syntax-check} on a generated playbook; scripts/test.sh installs ansible-core. */
final class AnsiblePlaybookCheck {

    private AnsiblePlaybookCheck() {
    }

    static boolean available() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "ansible-playbook"))) {
                return true;
            }
        }
        return false;
    }

    /** The exit code and output of the syntax check; skips the test where Ansible is not installed. */
    static String syntaxCheck(String playbook, java.util.List<Path> rolesPaths) throws IOException, InterruptedException {
        Assumptions.assumeTrue(available(), "ansible-playbook is not installed");
        Path dir = Files.createTempDirectory("playbook");
        Path file = dir.resolve("playbook.yml");
        Files.writeString(file, playbook, StandardCharsets.UTF_8);
        var builder = new ProcessBuilder("ansible-playbook", "--syntax-check", "-i", "localhost,", file.toString())
                .redirectErrorStream(true);
        builder.environment().put("ANSIBLE_ROLES_PATH", String.join(":", rolesPaths.stream().map(Path::toString).toList()));
        builder.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString());
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() + "\n" + out;
    }
}

package io.devops.platform.bmc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ipmitool child gets, seen by a stand-in that records its arguments and environment: the
 * password only in IPMI_PASSWORD, never among the arguments, and none of the server's other variables.
 */
class IpmitoolCommandLineTests {

    private static final String PASSWORD = "Pw-in-env-only-5";

    @TempDir
    Path directory;

    @Test
    void thePasswordTravelsOnlyInTheChildsOwnEnvironment() throws Exception {
        Path recorder = directory.resolve("ipmitool");
        Files.writeString(recorder, """
                #!/bin/sh
                printf '%%s\\n' "$@" > '%1$s/args'
                env > '%1$s/env'
                echo 'Chassis Power is on'
                """.formatted(directory));
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwx------"));
        Ipmitool ipmitool = new Ipmitool(new IpmiSettings(recorder.toString(), 3, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(100)));

        Ipmitool.Answer answer = ipmitool.chassis(new BmcTarget(7, "bmc-07.rack3", 16623, "ADMIN", PASSWORD), "power", "status");

        assertThat(answer.ok()).isTrue();
        assertThat(Files.readAllLines(directory.resolve("args"))).containsExactly("-I", "lanplus", "-C", "3", "-H", "bmc-07.rack3",
                "-p", "16623", "-U", "ADMIN", "-E", "chassis", "power", "status");
        List<String> environment = Files.readAllLines(directory.resolve("env"));
        assertThat(environment).contains("IPMI_PASSWORD=" + PASSWORD);
        assertThat(environment).map(line -> line.substring(0, line.indexOf('=')))
                .isSubsetOf("IPMI_PASSWORD", "PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "PWD", "SHLVL", "_");
    }
}

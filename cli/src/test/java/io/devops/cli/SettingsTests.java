package io.devops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTests {

    @TempDir
    Path home;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    private Settings resolve(String serverFlag, String tokenFlag) {
        return Settings.resolve(serverFlag, tokenFlag, env, home, new PrintStream(warnings, true, StandardCharsets.UTF_8));
    }

    private void configFile(String yaml) throws IOException {
        Path file = home.resolve(".config/devopsctl/config.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void flagsWinOverTheEnvironmentAndTheFile() throws IOException {
        configFile("server: http://file:1\ntoken: from-file\n");
        env.put("DEVOPSCTL_SERVER", "http://env:2");
        env.put("DEVOPSCTL_TOKEN", "from-env");

        Settings settings = resolve("http://flag:3/", "from-flag");

        assertThat(settings.server()).hasToString("http://flag:3");
        assertThat(settings.token()).isEqualTo("from-flag");
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        configFile("server: http://file:1\ntoken: from-file\n");
        env.put("DEVOPSCTL_SERVER", "http://env:2");
        env.put("DEVOPSCTL_TOKEN", "from-env");

        Settings settings = resolve(null, null);

        assertThat(settings.server()).hasToString("http://env:2");
        assertThat(settings.token()).isEqualTo("from-env");
    }

    @Test
    void eachValueComesFromTheFirstPlaceThatHasIt() throws IOException {
        configFile("server: https://file.example.com\ntoken: from-file\n");
        env.put("DEVOPSCTL_TOKEN", "from-env");

        Settings settings = resolve(null, null);

        assertThat(settings.server()).hasToString("https://file.example.com");
        assertThat(settings.token()).isEqualTo("from-env");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void devopsctlConfigNamesAnotherFile() throws IOException {
        Path other = home.resolve("elsewhere.yml");
        Files.writeString(other, "server: http://other:4\ntoken: other-token\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));
        env.put("DEVOPSCTL_CONFIG", other.toString());

        assertThat(resolve(null, null).server()).hasToString("http://other:4");
    }

    @Test
    void aMissingServerIsAUsageErrorThatSaysWhereToPutIt() {
        env.put("DEVOPSCTL_TOKEN", "t");

        assertThatThrownBy(() -> resolve(null, null)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(e.getMessage()).contains("--server", "DEVOPSCTL_SERVER", "config.yml");
        });
    }

    @Test
    void aMissingTokenIsAUsageError() {
        assertThatThrownBy(() -> resolve("http://x:1", null)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE));
    }

    @Test
    void aServerThatIsNotAnHttpUrlIsAUsageError() {
        assertThatThrownBy(() -> resolve("ftp://x", "t")).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE));
    }

    @Test
    void aBrokenConfigFileIsNamedWithoutQuotingItsLines() throws IOException {
        configFile("server: http://x:1\ntoken: [secret-token-value\n");

        assertThatThrownBy(() -> resolve(null, null)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(e.getMessage()).contains("config.yml").doesNotContain("secret-token-value");
        });
    }

    @Test
    void aConfigFileOthersCanReadIsWarnedAbout() throws IOException {
        configFile("server: http://x:1\ntoken: t\n");
        Files.setPosixFilePermissions(home.resolve(".config/devopsctl/config.yml"), PosixFilePermissions.fromString("rw-r--r--"));

        resolve(null, null);

        assertThat(warnings.toString(StandardCharsets.UTF_8)).contains("chmod 600");
    }

    @Test
    void theTokenIsNeverInTheSettingsText() {
        assertThat(resolve("http://x:1", "very-secret")).asString().doesNotContain("very-secret");
    }
}

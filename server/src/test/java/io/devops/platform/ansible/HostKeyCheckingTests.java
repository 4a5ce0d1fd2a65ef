package io.devops.platform.ansible;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.ansible.HostKeyChecking.HostSsh;
import io.devops.platform.ansible.PlaybookOutcome.HostTaskResult;
import io.devops.platform.ansible.PlaybookOutcome.RefusedHostKey;
import io.devops.platform.ansible.PlaybookRun.HostKey;
import io.devops.platform.ansible.PlaybookRun.InventoryHost;
import io.devops.platform.ansible.PlaybookRun.SshKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known_hosts files and per-host ssh options behind host key checking, without ssh. */
@DatabaseIndependent
class HostKeyCheckingTests {

    private static final HostKey ED25519 = new HostKey("ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIItA/aZa5NprupyRrQsq2Lj7gk1T4RaTaA0v5JDXFqfH");
    private static final HostKey OTHER_ED25519 = new HostKey("ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIDI42Wi7PTq30U7iD+Vl3CjmCQzr+5q5BcklzVNVISb5");
    private static final HostKey RSA = new HostKey("ssh-rsa", "AAAAB3NzaC1yc2EAAAADAQABAAABAQC7");
    private static final SshKey SIGN_IN = new SshKey("credential-1", "private");

    @TempDir
    Path dir;

    @Test
    void theKnownHostsFileHoldsEveryRecordedKeyUnderTheNameSshLooksUp() {
        String lines = HostKeyChecking.knownHostsLines(List.of(
                host("a", "127.0.3.1", 2222, ED25519, RSA),
                host("b", "10.0.0.7", 22, OTHER_ED25519),
                host("c", "FD00::1", 2200, ED25519),
                host("new", "10.0.0.8", 22)));

        assertThat(lines).isEqualTo("""
                [127.0.3.1]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIItA/aZa5NprupyRrQsq2Lj7gk1T4RaTaA0v5JDXFqfH
                [127.0.3.1]:2222 ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7
                10.0.0.7 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDI42Wi7PTq30U7iD+Vl3CjmCQzr+5q5BcklzVNVISb5
                [fd00::1]:2200 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIItA/aZa5NprupyRrQsq2Lj7gk1T4RaTaA0v5JDXFqfH
                """);
    }

    @Test
    void hostsWithRecordedKeysAreCheckedStrictlyAndFirstContactsLearnIntoFilesOfTheirOwn() throws Exception {
        Map<String, HostSsh> ssh = HostKeyChecking.prepare(List.of(host("known", "127.0.3.1", 2222, ED25519),
                host("new1", "127.0.3.2", 2222), host("new2", "127.0.3.3", 2222)), dir, dir.resolve("cp"));

        assertThat(Files.readString(dir.resolve("known_hosts"))).isEqualTo("[127.0.3.1]:2222 " + ED25519.type() + " "
                + ED25519.publicKey() + "\n");
        assertThat(ssh.get("known").options()).contains("StrictHostKeyChecking=yes",
                "UserKnownHostsFile=\"" + dir.resolve("known_hosts") + "\"", "GlobalKnownHostsFile=/dev/null", "UpdateHostKeys=no");
        assertThat(ssh.get("new1").options()).contains("StrictHostKeyChecking=accept-new");
        assertThat(ssh.get("new1").knownHosts()).isNotEqualTo(ssh.get("new2").knownHosts())
                .isNotEqualTo(dir.resolve("known_hosts"));
        assertThat(ssh.values()).noneMatch(host -> host.options().stream().anyMatch(option -> option.endsWith("=no")
                && option.startsWith("StrictHostKeyChecking")));
        assertThat(ssh.get("known").commonArgs()).startsWith("-o 'StrictHostKeyChecking=yes' -o 'UserKnownHostsFile=\"");
        assertThat(HostKeyChecking.firstContactSockets(ssh)).containsExactlyInAnyOrder(ssh.get("new1").controlPath(),
                ssh.get("new2").controlPath());
    }

    @Test
    void aMasterConnectionIsSharedOnlyUnderTheSameRecordedKeysSignInAndAddress() throws Exception {
        Path root = dir.resolve("cp");
        Path recorded = HostKeyChecking.controlPath(host("a", "127.0.3.1", 2222, ED25519), root);

        assertThat(HostKeyChecking.controlPath(host("b", "127.0.3.1", 2222, ED25519), root)).isEqualTo(recorded);
        assertThat(List.of(
                HostKeyChecking.controlPath(host("a", "127.0.3.1", 2222, OTHER_ED25519), root),
                HostKeyChecking.controlPath(host("a", "127.0.3.1", 2222), root),
                HostKeyChecking.controlPath(host("a", "127.0.3.1", 2223, ED25519), root),
                HostKeyChecking.controlPath(new InventoryHost("a", "127.0.3.1", 2222, "root", new SshKey("credential-2", "x"),
                        null, Map.of(), List.of(ED25519)), root))).doesNotContain(recorded).doesNotHaveDuplicates();
        assertThat(recorded.getParent()).isEqualTo(root);
        assertThat(recorded.getFileName().toString()).hasSizeLessThanOrEqualTo(20);
    }

    @Test
    void aKeyThatWouldAddAKnownHostsLineOfItsOwnIsRefused() {
        assertThatThrownBy(() -> new HostKey("ssh-ed25519", "AAAA\n* ssh-ed25519 AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostKey("ssh-ed25519 x", "AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsWhatSshLearnedAndWhatARefusedHostOffered() throws Exception {
        Files.writeString(dir.resolve("learned"), "[127.0.3.1]:2222 " + ED25519.type() + " " + ED25519.publicKey()
                + "\n# comment\n@revoked * ssh-rsa AAAA\n");
        assertThat(HostKeyChecking.read(dir.resolve("learned"))).containsExactly(ED25519);
        assertThat(HostKeyChecking.read(dir.resolve("absent"))).isEmpty();

        String ssh = "Data could not be sent to remote host \"127.0.3.201\". Make sure this host can be reached over ssh:"
                + " @@@@\r\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\nThe fingerprint for the ED25519 key"
                + " sent by the remote host is\nSHA256:lRxy8hlud6J4B9xy4OgxS31kuGIiHV3OkoXZM5/B7Q0.\r\nPlease contact your"
                + " system administrator.\r\nHost key verification failed.\r\n";
        assertThat(HostKeyChecking.offered(ssh))
                .isEqualTo(new RefusedHostKey("ED25519", "SHA256:lRxy8hlud6J4B9xy4OgxS31kuGIiHV3OkoXZM5/B7Q0"));
        assertThat(HostKeyChecking.offered("No ED25519 host key is known for [x]:1 and you have requested strict checking."
                + "\r\nHost key verification failed.")).isEqualTo(new RefusedHostKey(null, null));
    }

    @Test
    void onlyAFirstContactThatAnsweredHasItsKeyLearnedAndOnlyARecordedHostCanBeRefused() throws Exception {
        Map<String, HostSsh> ssh = HostKeyChecking.prepare(List.of(host("answered", "127.0.3.1", 2222),
                host("refusedSignIn", "127.0.3.2", 2222), host("known", "127.0.3.3", 2222, ED25519)), dir, dir.resolve("cp"));
        for (String name : List.of("answered", "refusedSignIn")) {
            Files.writeString(ssh.get(name).knownHosts(), "x " + OTHER_ED25519.type() + " " + OTHER_ED25519.publicKey() + "\n");
        }
        List<HostTaskResult> results = List.of(
                new HostTaskResult("answered", "t", null, "ok", false, 0, null, 1),
                new HostTaskResult("refusedSignIn", "t", null, "unreachable", false, null,
                        "Permission denied (publickey). Host key verification failed.", 1),
                new HostTaskResult("known", "t", null, "unreachable", false, null, "Host key verification failed.", 1));

        assertThat(HostKeyChecking.learned(ssh, results)).containsOnlyKeys("answered")
                .containsEntry("answered", List.of(OTHER_ED25519));
        assertThat(HostKeyChecking.refused(ssh, results)).containsOnlyKeys("known");
    }

    private static InventoryHost host(String name, String address, int port, HostKey... keys) {
        return new InventoryHost(name, address, port, "root", SIGN_IN, null, Map.of(), List.of(keys));
    }
}

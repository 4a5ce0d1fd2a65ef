package io.devops.platform.ansible;

import io.devops.platform.support.DatabaseIndependent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.ansible.PlaybookOutcome.Ending;
import io.devops.platform.ansible.PlaybookOutcome.HostTaskResult;
import io.devops.platform.ansible.PlaybookRun.HostKey;
import io.devops.platform.ansible.PlaybookRun.InventoryHost;
import io.devops.platform.ansible.PlaybookRun.SshKey;
import io.devops.platform.support.SudoUser;
import io.devops.platform.support.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Real ansible-playbook over real SSH to the shared loopback test nodes. */
@DatabaseIndependent
class AnsiblePlaybooksTests {

    private static TestNodes nodes;
    @TempDir
    Path controlRoot;
    private AnsiblePlaybooks playbooks;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @TempDir
    Path workDir;

    @org.junit.jupiter.api.BeforeEach
    void playbooks() {
        playbooks = new AnsiblePlaybooks(new AnsibleProperties(null, null, Duration.ofSeconds(3), null, Duration.ofSeconds(2),
                controlRoot.resolve("cp")), JsonMapper.builder().build(), Clock.systemUTC());
    }

    @BeforeAll
    static void nodes() {
        assumeTrue(TestNodes.available(), "needs root, openssh-server and ssh-keygen: run scripts/test.sh");
        nodes = TestNodes.shared();
    }

    @Test
    void runsAPlaybookOnEveryNodeAndReportsEachHostsResults() {
        var outcome = run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: say hello
                      command: echo hello from {{ inventory_hostname }}
                    - name: nothing to change
                      debug:
                        msg: ok
                """, Duration.ofMinutes(2));

        assertThat(outcome.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
        assertThat(outcome.results()).filteredOn(result -> result.task().equals("say hello"))
                .extracting(HostTaskResult::host).containsExactlyInAnyOrder("node0", "node1", "node2");
        assertThat(outcome.results()).allMatch(result -> List.of("ok", "changed").contains(result.status()));
        assertThat(outcome.stats()).containsOnlyKeys("node0", "node1", "node2");
        assertThat(log).anyMatch(line -> line.contains("PLAY RECAP"));
    }

    @Test
    void aPlayTargetsAPoolsGroupAndSeesTheTenantsGroup() {
        SshKey key = new SshKey("test", nodes.privateKey());
        List<InventoryHost> hosts = IntStream.range(0, TestNodes.COUNT)
                .mapToObj(i -> new InventoryHost("node" + i, nodes.ip(i), TestNodes.PORT, "root", key, null, Map.of(), List.of(),
                        i < 2 ? List.of("pool_a_1f2e3d4c", "tenant_0a1b2c3d") : List.of("tenant_0a1b2c3d")))
                .toList();
        String playbook = """
                - hosts: pool_a_1f2e3d4c
                  gather_facts: false
                  tasks:
                    - name: in the pool
                      debug:
                        msg: "{{ groups['tenant_0a1b2c3d'] | length }} in the tenant"
                """;

        var outcome = playbooks.run(new PlaybookRun(workDir, playbook, hosts, List.of(), Duration.ofMinutes(2), Map.of()),
                log::add, () -> false);

        assertThat(outcome.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
        assertThat(outcome.results()).filteredOn(result -> result.task().equals("in the pool"))
                .extracting(HostTaskResult::host).containsExactlyInAnyOrder("node0", "node1");
        assertThat(log).anyMatch(line -> line.contains("3 in the tenant"));
    }

    @Test
    void aGroupNameThatIsNotAnIdentifierIsRefusedBeforeAnythingIsWritten() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InventoryHost("n", "127.0.0.1", 22, "root", null, null,
                Map.of(), List.of(), List.of("pool_{{ x }}"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTaskFailingOnOneHostEndsFailedAndNamesThatHost() {
        var outcome = run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: break node1
                      command: /bin/false
                      when: inventory_hostname == 'node1'
                """, Duration.ofMinutes(2));

        assertThat(outcome.ending()).isEqualTo(Ending.FAILED);
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.results()).filteredOn(result -> result.status().equals("failed"))
                .singleElement().satisfies(failed -> {
                    assertThat(failed.host()).isEqualTo("node1");
                    assertThat(failed.rc()).isEqualTo(1);
                });
    }

    @Test
    void aStoppedNodeIsUnreachableWithTheReason() {
        nodes.stop(2);
        try {
            var outcome = run("""
                    - hosts: all
                      gather_facts: false
                      tasks:
                        - command: "true"
                    """, Duration.ofMinutes(2));

            assertThat(outcome.ending()).isEqualTo(Ending.UNREACHABLE);
            assertThat(outcome.exitCode()).isEqualTo(4);
            assertThat(outcome.results()).filteredOn(result -> result.host().equals("node2")).singleElement()
                    .satisfies(result -> {
                        assertThat(result.status()).isEqualTo("unreachable");
                        assertThat(result.message()).contains("127.0.1.3").containsIgnoringCase("ssh");
                    });
        } finally {
            nodes.start(2);
        }
    }

    @Test
    void aFirstContactLearnsTheKeyEachHostOffered() {
        var outcome = run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - command: "true"
                """, Duration.ofMinutes(2));

        assertThat(outcome.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
        String[] shown = nodes.hostPublicKey().split(" ");
        assertThat(outcome.learnedHostKeys()).containsOnlyKeys("node0", "node1", "node2")
                .allSatisfy((host, keys) -> assertThat(keys).containsExactly(new HostKey(shown[0], shown[1])));
        assertThat(outcome.refusedHostKeys()).isEmpty();
    }

    @Test
    void aFirstContactAfterAnotherMeetsTheHostAgainInsteadOfReusingTheEarlierConnection() {
        String playbook = """
                - hosts: node0
                  gather_facts: false
                  tasks:
                    - command: "true"
                """;
        PlaybookRun run = run(playbook, Duration.ofMinutes(2), List.of());
        var first = playbooks.run(run, log::add, () -> false);
        // As after an admin forgot the key: no key recorded again, and the first contact's master must not carry this one.
        var again = playbooks.run(new PlaybookRun(workDir.resolve("again"), playbook, run.hosts(), List.of(),
                Duration.ofMinutes(2), Map.of()), log::add, () -> false);

        assertThat(first.learnedHostKeys()).containsOnlyKeys("node0");
        assertThat(again.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
        assertThat(again.learnedHostKeys()).isEqualTo(first.learnedHostKeys());
    }

    @Test
    void aHostShowingAnotherKeyThanItsRecordedOneIsRefusedBeforeAnythingRunsThereEvenWithAMasterConnectionOpen(
            @TempDir Path markers) throws Exception {
        String[] shown = nodes.hostPublicKey().split(" ");
        HostKey real = new HostKey(shown[0], shown[1]);
        String playbook = """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: leave a mark
                      command: touch %s/{{ inventory_hostname }}
                """.formatted(markers);
        // The first playbook leaves master connections open (ControlPersist) to every node, checked against the real key.
        var checked = playbooks.run(withHostKeys(run(playbook, Duration.ofMinutes(2), List.of()), real, real, "checked"),
                log::add, () -> false);
        assertThat(checked.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
        assertThat(checked.learnedHostKeys()).isEmpty();
        Files.delete(markers.resolve("node1"));
        Files.delete(markers.resolve("node2"));
        Files.delete(markers.resolve("node0"));

        HostKey other = new HostKey("ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIDI42Wi7PTq30U7iD+Vl3CjmCQzr+5q5BcklzVNVISb5");
        var outcome = playbooks.run(withHostKeys(run(playbook, Duration.ofMinutes(2), List.of()), other, real, "refused"),
                log::add, () -> false);

        assertThat(outcome.ending()).isEqualTo(Ending.UNREACHABLE);
        assertThat(outcome.refusedHostKeys()).containsOnlyKeys("node0");
        assertThat(outcome.refusedHostKeys().get("node0").offeredFingerprint()).isEqualTo(nodes.hostKeyFingerprint());
        assertThat(outcome.results()).filteredOn(result -> result.host().equals("node0"))
                .extracting(HostTaskResult::status).containsOnly("unreachable");
        assertThat(markers.resolve("node0")).doesNotExist();
        assertThat(markers.resolve("node1")).exists();
        assertThat(markers.resolve("node2")).exists();
    }

    /** The run, in a directory of its own, with {@code first} recorded for node0 and {@code rest} for the other nodes. */
    private static PlaybookRun withHostKeys(PlaybookRun run, HostKey first, HostKey rest, String dir) {
        List<InventoryHost> hosts = run.hosts().stream().map(host -> new InventoryHost(host.name(), host.address(), host.port(),
                host.user(), host.key(), host.becomePassword(), host.vars(),
                List.of(host.name().equals("node0") ? first : rest))).toList();
        return new PlaybookRun(run.workDir().resolve(dir), run.playbookYaml(), hosts, run.rolesPaths(), run.timeout(),
                run.environment());
    }

    @Test
    void cancelKillsTheWholeProcessGroupWithinSeconds() throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            waitFor(() -> log.stream().anyMatch(line -> line.contains("TASK [sleep long]")), Duration.ofSeconds(60));
            cancel.set(true);
        });
        canceller.start();
        long started = System.nanoTime();

        var outcome = playbooks.run(run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: sleep long
                      command: sleep 617
                """, Duration.ofMinutes(5), List.of()), log::add, cancel::get);
        long afterCancel = System.nanoTime();

        assertThat(outcome.ending()).isEqualTo(Ending.CANCELLED);
        assertThat(log).anyMatch(line -> line.contains("cancelled"));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(afterCancel - started)).isLessThan(60);
        waitFor(() -> ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 617")),
                Duration.ofSeconds(5));
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(command -> command.contains("sleep 617"))).isEmpty();
    }

    @Test
    void aPlaybookOverItsTimeoutIsStoppedAndSaysSo() {
        var outcome = run("""
                - hosts: node0
                  gather_facts: false
                  tasks:
                    - command: sleep 618
                """, Duration.ofSeconds(4));
        assertThat(outcome.ending()).isEqualTo(Ending.TIMED_OUT);
        assertThat(log).anyMatch(line -> line.contains("timed out after 4 s"));
    }

    @Test
    void aRoleCannotReadTheServersSecretsFromItsEnvironment() {
        // Set for the test JVM in server/pom.xml, as a real server's DB_PASSWORD would be.
        assertThat(System.getenv("DB_PASSWORD")).as("the canary the server's environment holds").isNotEmpty();
        var outcome = run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: look for the server's settings
                      run_once: true
                      assert:
                        that:
                          - lookup('env', 'DB_PASSWORD') == ''
                          - lookup('env', 'DEVOPS_TEST_CANARY') == ''
                          - lookup('env', 'PATH') != ''
                          - lookup('env', 'RUN_ID') == '42'
                """, Duration.ofMinutes(2), Map.of("RUN_ID", "42"));

        assertThat(outcome.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
    }

    @Test
    void aBecomePasswordReachesSudoExactlyAsTyped() {
        assumeTrue(SudoUser.available(), "needs sudo and useradd: run scripts/test.sh");
        String password = "s3cr{{ 7 * 6 }}t {%raw%} {# c #} 'single' \"double\" \\back $HOME `id` %s: end";
        SudoUser.withPassword(password, nodes.publicKey());
        SshKey key = new SshKey("test", nodes.privateKey());
        InventoryHost host = new InventoryHost("node0", nodes.ip(0), TestNodes.PORT, SudoUser.NAME, key, password, Map.of());
        var outcome = playbooks.run(new PlaybookRun(workDir, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: who am I through sudo
                      become: true
                      command: id -un
                      register: who
                    - name: it is root
                      assert:
                        that: who.stdout == 'root'
                """, List.of(host), List.of(), Duration.ofMinutes(2), Map.of()), log::add, () -> false);

        assertThat(outcome.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
        assertThat(outcome.results()).filteredOn(result -> result.task().equals("it is root"))
                .extracting(HostTaskResult::status).containsExactly("ok");
        assertThat(log).noneMatch(line -> line.contains("s3cr"));
    }

    @Test
    void whenTheCancelCheckFailsThePlaybookAndEverythingItStartedIsStoppedBeforeTheFailureSpreads() {
        String mark = "DEVOPS_TEST_MARK=" + System.nanoTime();
        AtomicBoolean started = new AtomicBoolean();
        PlaybookRun run = run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: a long step
                      command: sleep 30
                """, Duration.ofMinutes(2), List.of());
        PlaybookRun marked = new PlaybookRun(run.workDir(), run.playbookYaml(), run.hosts(), run.rolesPaths(), run.timeout(),
                Map.of(mark.substring(0, mark.indexOf('=')), mark.substring(mark.indexOf('=') + 1)));
        long begin = System.nanoTime();

        var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> playbooks.run(marked, line -> {
            if (line.contains("a long step")) {
                started.set(true);
            }
        }, () -> {
            if (started.get() && System.nanoTime() - begin > TimeUnit.SECONDS.toNanos(2)) {
                throw new IllegalStateException("database down");
            }
            return false;
        }));

        assertThat(thrown).hasMessage("database down");
        assertThat(StrayProcesses.find(java.util.Set.of(mark))).as("processes of the failed step").isEmpty();
    }

    @Test
    void extraVariablesReachThePlaybookAsTypedNeverEvaluatedAsJinjaAndTheirFileIsGoneAfterwards() {
        PlaybookRun plain = run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: show the greeting
                      debug:
                        msg: "greeting={{ greeting }}"
                    - name: the number is a number
                      assert:
                        that: count + 1 == 4
                """, Duration.ofMinutes(2), List.of());
        PlaybookRun withVars = new PlaybookRun(plain.workDir(), plain.playbookYaml(), plain.hosts(), List.of(), plain.timeout(), Map.of(),
                false, Map.of("greeting", "{{ 7 * 6 }} {% raw %}", "count", 3));

        var outcome = playbooks.run(withVars, log::add, () -> false);

        assertThat(outcome.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
        assertThat(log).anyMatch(line -> line.contains("greeting={{ 7 * 6 }} {% raw %}"));
        assertThat(log).noneMatch(line -> line.contains("greeting=42"));
        assertThat(workDir.resolve("extra-vars.yml")).doesNotExist();
    }

    @Test
    void inCheckModeAPlaybookReportsWhatItWouldChangeAndChangesNothing() {
        String file = "/tmp/check-mode-" + System.nanoTime();
        PlaybookRun writing = run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: write a file
                      copy:
                        content: written
                        dest: %s
                """.formatted(file), Duration.ofMinutes(2), List.of());
        var dry = playbooks.run(new PlaybookRun(writing.workDir(), writing.playbookYaml(), writing.hosts(), List.of(), writing.timeout(),
                Map.of(), true, Map.of()), log::add, () -> false);
        assertThat(dry.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
        assertThat(dry.results()).filteredOn(result -> result.task().equals("write a file"))
                .extracting(HostTaskResult::status).containsOnly("changed");

        PlaybookRun looking = run("""
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: look for the file
                      stat:
                        path: %s
                      register: found
                    - name: the dry run wrote nothing
                      assert:
                        that: not found.stat.exists
                """.formatted(file), Duration.ofMinutes(2), List.of());
        var after = playbooks.run(new PlaybookRun(workDir.resolve("after"), looking.playbookYaml(), looking.hosts(), List.of(),
                looking.timeout(), Map.of()), log::add, () -> false);
        assertThat(after.ending()).as(String.join("\n", log)).isEqualTo(Ending.SUCCEEDED);
    }

    @Test
    void aMissingAnsibleIsReportedPlainly() {
        var missing = new AnsiblePlaybooks(new AnsibleProperties("no-such-ansible-playbook", null, null, null, null, null),
                JsonMapper.builder().build(), Clock.systemUTC());
        var outcome = missing.run(run("- hosts: all\n  tasks: []\n", Duration.ofSeconds(10), List.of()), log::add, () -> false);
        assertThat(outcome.ending()).isEqualTo(Ending.NOT_INSTALLED);
        assertThat(outcome.message()).isEqualTo("ansible-playbook not found: install ansible-core");
    }

    private PlaybookOutcome run(String playbook, Duration timeout) {
        return playbooks.run(run(playbook, timeout, List.of()), log::add, () -> false);
    }

    private PlaybookOutcome run(String playbook, Duration timeout, Map<String, String> environment) {
        PlaybookRun run = run(playbook, timeout, List.of());
        return playbooks.run(new PlaybookRun(run.workDir(), run.playbookYaml(), run.hosts(), run.rolesPaths(), timeout,
                environment), log::add, () -> false);
    }

    private PlaybookRun run(String playbook, Duration timeout, List<Path> roles) {
        SshKey key = new SshKey("test", nodes.privateKey());
        List<InventoryHost> hosts = IntStream.range(0, TestNodes.COUNT)
                .mapToObj(i -> new InventoryHost("node" + i, nodes.ip(i), TestNodes.PORT, "root", key, Map.of()))
                .toList();
        return new PlaybookRun(workDir, playbook, hosts, roles, timeout, Map.of());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

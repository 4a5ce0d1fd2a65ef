package io.devops.platform.execution.dispatch;

import io.devops.platform.ansible.AnsiblePlaybooks;
import io.devops.platform.ansible.PlaybookOutcome;
import io.devops.platform.ansible.PlaybookOutcome.HostTaskResult;
import io.devops.platform.ansible.PlaybookRun;
import io.devops.platform.credentials.MaskingSecrets;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.settings.ExecutionProperties;
import io.devops.platform.inventory.NodeHostKeys;
import io.devops.platform.inventory.NodeHostKeys.OfferedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Checks that the platform can reach one node as a run would: the same credential, SSH user and
 * host key checking, one {@code ansible-playbook} that signs in ({@code ping}) and then becomes root.
 * A host key learned on first contact is recorded, as a run would; a changed one refuses, as a run would.
 */
@Component
public class ConnectionCheck {

    static final String SIGN_IN = "sign in over SSH";
    static final String BECOME = "become root";
    /** Constant text: nothing of the node or the caller goes into it. */
    private static final String PLAYBOOK = """
            - hosts: all
              gather_facts: false
              tasks:
                - name: %s
                  ansible.builtin.ping:
                - name: %s
                  become: true
                  ansible.builtin.command: id -u
                  changed_when: false
            """.formatted(SIGN_IN, BECOME);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final AnsiblePlaybooks playbooks;
    private final InventoryHosts inventory;
    private final HostKeyRecords hostKeys;
    private final NodeHostKeys keys;
    private final SshAccess ssh;
    private final ExecutionProperties properties;
    private final Clock clock;

    ConnectionCheck(AnsiblePlaybooks playbooks, InventoryHosts inventory, HostKeyRecords hostKeys, NodeHostKeys keys, SshAccess ssh,
                    ExecutionProperties properties, Clock clock) {
        this.playbooks = playbooks;
        this.inventory = inventory;
        this.hostKeys = hostKeys;
        this.keys = keys;
        this.ssh = ssh;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the check found; {@code message} says what answered or why not, without secrets. */
    public record Result(boolean reachable, boolean become, String message, long durationMs) {
    }

    public Result check(RunNode node) {
        long start = clock.millis();
        Map<RunNode, SshAccess.Access> accesses = inventory.accesses(List.of(node));
        Map<Long, List<NodeHostKeys.HostKey>> recorded = hostKeys.recorded(List.of(node));
        MaskingSecrets masking = ssh.maskingFor(List.copyOf(accesses.values()));
        Path workDir = properties.workDir().resolve("connection-checks").resolve(UUID.randomUUID().toString());
        try {
            PlaybookRun run = new PlaybookRun(workDir, PLAYBOOK, InventoryHosts.of(List.of(node), accesses, recorded), List.of(),
                    TIMEOUT, Map.of());
            PlaybookOutcome outcome = playbooks.run(run, line -> { }, () -> false);
            String learned = recordLearned(node, outcome);
            Result result = judge(node, outcome, recorded.get(node.nodeId()), clock.millis() - start);
            return new Result(result.reachable(), result.become(), masking.mask(result.message() + learned), result.durationMs());
        } finally {
            deleteQuietly(workDir);
        }
    }

    static Result judge(RunNode node, PlaybookOutcome outcome, List<NodeHostKeys.HostKey> recorded, long durationMs) {
        Optional<PlaybookOutcome.HostTaskResult> signIn = last(outcome, node, SIGN_IN);
        Optional<PlaybookOutcome.HostTaskResult> become = last(outcome, node, BECOME);
        String target = node.ip() + ":" + node.sshPort();
        if (outcome.refusedHostKeys().containsKey(node.ip())) {
            return new Result(false, false, HostKeyRecords.message(node, outcome.refusedHostKeys().get(node.ip()),
                    recorded == null ? List.of() : recorded), durationMs);
        }
        if (signIn.isEmpty() || !"ok".equals(signIn.get().status())) {
            String why = signIn.map(HostTaskResult::message).filter(m -> m != null && !m.isBlank())
                    .orElse(outcome.message() == null ? "no answer" : outcome.message());
            return new Result(false, false, "Cannot sign in to " + target + " over SSH: " + why, durationMs);
        }
        if (become.isEmpty() || !"ok".equals(become.get().status())) {
            String why = become.map(HostTaskResult::message).filter(m -> m != null && !m.isBlank()).orElse("no answer");
            return new Result(true, false, "Signed in to " + target + ", but becoming root failed: " + why
                    + ". Give the credential the user's sudo (become) password, or allow the user sudo without one", durationMs);
        }
        return new Result(true, true, "Signed in to " + target + " over SSH and became root", durationMs);
    }

    private String recordLearned(RunNode node, PlaybookOutcome outcome) {
        List<PlaybookRun.HostKey> learned = outcome.learnedHostKeys().get(node.ip());
        if (learned == null) {
            return "";
        }
        try {
            List<NodeHostKeys.HostKey> stored = keys.recordFirstContact(node.nodeId(),
                    learned.stream().map(key -> new OfferedKey(key.type(), key.publicKey())).toList());
            return stored.isEmpty() ? "" : "; first contact, recorded its SSH host key " + NodeHostKeys.describe(stored);
        } catch (IllegalArgumentException unreadable) {
            return "";
        }
    }

    private static Optional<HostTaskResult> last(PlaybookOutcome outcome, RunNode node, String task) {
        return outcome.results().stream().filter(r -> r.host().equals(node.ip()) && task.equals(r.task())).reduce((a, b) -> b);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}

package io.devops.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.devops.agent.HealthFinding.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthConditionsTests {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final String LINE = "kernel: NVRM: Xid (PCI:0000:3b:00): 79, pid=1, name=python, GPU has fallen off the bus.";
    private final HealthConditions conditions = new HealthConditions(Duration.ofMinutes(10), Duration.ofMinutes(30));

    @Test
    void theSameXidInThreePollsIsOneConditionCountedThreeTimes() {
        List<HealthEvent> first = kernelPoll(LINE, T0);
        List<HealthEvent> second = kernelPoll(LINE, T0.plusSeconds(60));
        List<HealthEvent> third = kernelPoll(LINE, T0.plusSeconds(120));

        assertThat(first).singleElement().satisfies(event -> {
            assertThat(event.key()).isEqualTo("xid|79|0000:3b:00");
            assertThat(event.count()).isEqualTo(1);
            assertThat(event.open()).isTrue();
            assertThat(event.severity()).isEqualTo("CRITICAL");
            assertThat(event.evidence()).isEqualTo(LINE);
        });
        assertThat(second).isEmpty();
        assertThat(third).isEmpty();
        assertThat(conditions.saved()).singleElement().satisfies(saved -> {
            assertThat(saved.event().count()).isEqualTo(3);
            assertThat(saved.event().firstSeen()).isEqualTo(T0.toString());
            assertThat(saved.event().lastSeen()).isEqualTo(T0.plusSeconds(120).toString());
        });

        List<HealthEvent> later = kernelPoll(null, T0.plusSeconds(600));
        assertThat(later).singleElement().satisfies(event -> {
            assertThat(event.count()).isEqualTo(3);
            assertThat(event.firstSeen()).isEqualTo(first.get(0).firstSeen());
            assertThat(event.open()).isTrue();
        });
    }

    @Test
    void aBurstOfLinesInOnePollOpensWithItsCount() {
        List<HealthFinding> burst = LogFindings.kernel(RealOutputs.lines("xid-13-43-dmesg-decode-iso.txt"));

        List<HealthEvent> events = conditions.update(Set.of("kernel-log"), Map.of("kernel-log", burst), T0);

        assertThat(events).extracting(HealthEvent::key, HealthEvent::count).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("xid|13|0000:38:00", 629L), org.assertj.core.groups.Tuple.tuple("xid|43|0000:38:00", 7L));
    }

    @Test
    void aLogConditionClearsAfterTheQuietTimeWithoutANewLine() {
        kernelPoll(LINE, T0);
        assertThat(kernelPoll(null, T0.plusSeconds(29 * 60))).isEmpty();

        assertThat(kernelPoll(null, T0.plusSeconds(30 * 60))).singleElement().satisfies(event -> {
            assertThat(event.open()).isFalse();
            assertThat(event.count()).isEqualTo(1);
            assertThat(event.firstSeen()).isEqualTo(T0.toString());
        });
        assertThat(conditions.saved()).isEmpty();
    }

    @Test
    void aStateConditionClearsAtTheFirstPollThatNoLongerSeesItButNotWhenItsMonitorCouldNotLook() {
        HealthFinding full = HealthFinding.state("disk", "FS_FULL", "/", Severity.WARNING, "95 % full", "/: 95");
        assertThat(conditions.update(Set.of("disk"), Map.of("disk", List.of(full)), T0)).hasSize(1);

        assertThat(conditions.update(Set.of(), Map.of(), T0.plusSeconds(60))).isEmpty();
        List<HealthEvent> cleared = conditions.update(Set.of("disk"), Map.of("disk", List.of()), T0.plusSeconds(120));

        assertThat(cleared).singleElement().satisfies(event -> {
            assertThat(event.key()).isEqualTo("disk|FS_FULL|/");
            assertThat(event.open()).isFalse();
        });
    }

    @Test
    void aRisingSeverityIsSentAtOnce() {
        HealthFinding down = HealthFinding.state("infiniband", "IB_PORT_DOWN", "mlx5_0/1", Severity.WARNING, "down", "1: DOWN");
        HealthFinding lost = HealthFinding.state("infiniband", "IB_PORT_DOWN", "mlx5_0/1", Severity.CRITICAL, "down", "1: DOWN");
        conditions.update(Set.of("infiniband"), Map.of("infiniband", List.of(down)), T0);

        assertThat(conditions.update(Set.of("infiniband"), Map.of("infiniband", List.of(lost)), T0.plusSeconds(60)))
                .singleElement().satisfies(event -> assertThat(event.severity()).isEqualTo("CRITICAL"));
    }

    private List<HealthEvent> kernelPoll(String line, Instant at) {
        List<HealthFinding> findings = line == null ? List.of() : LogFindings.kernel(List.of(line));
        return conditions.update(Set.of("kernel-log"), Map.of("kernel-log", findings), at);
    }
}

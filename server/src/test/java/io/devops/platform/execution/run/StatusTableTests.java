package io.devops.platform.execution.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every pair of statuses, for each status machine: the table allows exactly the moves written out
 * here, and forbids every other one (including a status moving to itself, and any move from or to
 * a status the machine does not have).
 */
class StatusTableTests {

    private static final String RUNS = """
            PENDING_APPROVAL -> QUEUED CANCELLED
            QUEUED      -> RUNNING CANCELLED FAILED INTERRUPTED
            RUNNING     -> SUCCEEDED FAILED CANCELLED INTERRUPTED
            FAILED      -> QUEUED
            INTERRUPTED -> QUEUED CANCELLED
            SUCCEEDED   ->
            CANCELLED   ->
            """;

    private static final String STEPS = """
            QUEUED      -> RUNNING SKIPPED CANCELLED INTERRUPTED
            RUNNING     -> SUCCEEDED FAILED UNREACHABLE CANCELLED INTERRUPTED
            SUCCEEDED   -> RUNNING
            FAILED      -> QUEUED
            UNREACHABLE -> QUEUED
            SKIPPED     -> QUEUED
            CANCELLED   -> QUEUED
            INTERRUPTED -> QUEUED
            """;

    private static final String NODE_RESULTS = """
            QUEUED      -> RUNNING SKIPPED CANCELLED INTERRUPTED
            RUNNING     -> SUCCEEDED FAILED UNREACHABLE CANCELLED INTERRUPTED
            SUCCEEDED   ->
            FAILED      -> QUEUED
            UNREACHABLE -> QUEUED
            SKIPPED     -> QUEUED
            CANCELLED   -> QUEUED
            INTERRUPTED -> QUEUED
            """;

    @Test
    void aRunMovesOnlyAlongItsTable() {
        walk(StatusTable.RUNS, RUNS, EnumSet.of(RunStatus.QUEUED, RunStatus.PENDING_APPROVAL));
    }

    @Test
    void aStepMovesOnlyAlongItsTable() {
        walk(StatusTable.STEPS, STEPS, EnumSet.of(RunStatus.QUEUED));
    }

    @Test
    void aNodeResultMovesOnlyAlongItsTableAndSucceededIsNeverTakenBack() {
        walk(StatusTable.NODE_RESULTS, NODE_RESULTS, EnumSet.of(RunStatus.RUNNING, RunStatus.SKIPPED));
    }

    @Test
    void theRunStatusHelpersReadTheRunsTable() {
        assertThat(RunStatus.active()).containsExactlyInAnyOrder(RunStatus.PENDING_APPROVAL, RunStatus.QUEUED, RunStatus.RUNNING);
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(StatusTable.RUNS.allows(from, to));
            }
        }
    }

    private static void walk(StatusTable table, String spec, Set<RunStatus> initial) {
        Map<RunStatus, Set<RunStatus>> expected = parse(spec);
        assertThat(table.states()).isEqualTo(expected.keySet());
        assertThat(table.initial()).isEqualTo(initial);
        int allowed = 0;
        int forbidden = 0;
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                boolean allows = expected.getOrDefault(from, Set.of()).contains(to);
                assertThat(table.allows(from, to)).as(table + ": " + from + " -> " + to).isEqualTo(allows);
                assertThat(table.sourcesOf(to).contains(from)).as(table + ": sources of " + to + " include " + from).isEqualTo(allows);
                if (allows) {
                    allowed++;
                    assertThat(table.sourcesSql(to)).contains("'" + from.name() + "'");
                } else {
                    forbidden++;
                }
            }
        }
        int moves = expected.values().stream().mapToInt(Set::size).sum();
        assertThat(allowed).isEqualTo(moves);
        assertThat(allowed + forbidden).isEqualTo(RunStatus.values().length * RunStatus.values().length);
    }

    private static Map<RunStatus, Set<RunStatus>> parse(String spec) {
        Map<RunStatus, Set<RunStatus>> table = new EnumMap<>(RunStatus.class);
        spec.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] sides = line.split("->");
            Set<RunStatus> targets = Arrays.stream(sides.length > 1 ? sides[1].trim().split("\\s+") : new String[0])
                    .filter(name -> !name.isEmpty()).map(RunStatus::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(RunStatus.class)));
            table.put(RunStatus.valueOf(sides[0].trim()), targets);
        });
        return table;
    }
}

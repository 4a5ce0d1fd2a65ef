package io.devops.platform.agentgateway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows many commands at once for the run engine: each {@link #poll()} costs one query for the
 * states of the unfinished ones and one for their new output, however many there are (asking per
 * command cost two queries per node every tick, the largest cost of a step on thousands of nodes).
 * Both read a range of ids: a step's commands are queued together, so their ids are (nearly)
 * consecutive.
 * Not thread-safe: one follower polls it.
 */
public final class CommandWatch {

    /** Output is read by time received, with this much overlap so that clock skew between instances loses nothing. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);

    private final AgentCommands commands;
    private final CommandOutput output;
    private final Map<Long, Integer> lastSeq = new HashMap<>();
    private final Map<Long, CommandState> finished = new LinkedHashMap<>();
    private Instant since;

    CommandWatch(AgentCommands commands, CommandOutput output, Collection<CommandId> ids, Instant start) {
        this.commands = commands;
        this.output = output;
        ids.forEach(id -> lastSeq.put(id.value(), -1));
        this.since = start.minus(OVERLAP);
    }

    /**
     * What happened since the last poll: new output chunks of every command, in order per command,
     * and the commands that ended. A command's output is complete when it is reported ended: its
     * agent stores every chunk before its result.
     */
    public Update poll() {
        List<IdRange> ranges = IdRange.covering(lastSeq.keySet().stream().filter(id -> !finished.containsKey(id)).sorted().toList());
        List<CommandState> ended = new ArrayList<>();
        boolean anyOpen = false;
        for (IdRange range : ranges) {
            for (CommandState state : commands.statesBetween(range.first(), range.last())) {
                long id = state.id().value();
                if (!lastSeq.containsKey(id) || finished.containsKey(id)) {
                    continue; // not followed here: another step's command inside the range
                }
                if (state.status().isFinal()) {
                    ended.add(state);
                } else {
                    anyOpen = true;
                }
            }
        }
        List<CommandChunk> chunks = new ArrayList<>();
        Instant newest = since;
        for (IdRange range : ranges) {
            for (CommandChunk chunk : output.receivedSince(range.first(), range.last(), since, nextSeqOfAll(range))) {
                Integer last = lastSeq.get(chunk.commandId().value());
                if (last != null && !finished.containsKey(chunk.commandId().value()) && chunk.chunk().seq() == last + 1) {
                    chunks.add(chunk);
                    lastSeq.put(chunk.commandId().value(), chunk.chunk().seq());
                }
                if (chunk.chunk().receivedAt().isAfter(newest)) {
                    newest = chunk.chunk().receivedAt();
                }
            }
        }
        since = newest.minus(OVERLAP).isAfter(since) ? newest.minus(OVERLAP) : since;
        ended.forEach(state -> finished.put(state.id().value(), state));
        return new Update(chunks, ended, !anyOpen);
    }

    /** The lowest seq any command of the range still waits for: nothing below it is needed again. */
    private int nextSeqOfAll(IdRange range) {
        return lastSeq.entrySet().stream()
                .filter(e -> e.getKey() >= range.first() && e.getKey() <= range.last() && !finished.containsKey(e.getKey()))
                .mapToInt(e -> e.getValue() + 1).min().orElse(0);
    }

    /** Every command's final state, once {@link Update#allEnded()} was seen. */
    public Map<CommandId, CommandState> finalStates() {
        Map<CommandId, CommandState> states = new LinkedHashMap<>();
        finished.forEach((id, state) -> states.put(new CommandId(id), state));
        return states;
    }

    /** One chunk of one command's output. */
    public record CommandChunk(CommandId commandId, OutputChunk chunk) {
    }

    /** New output, the commands that ended since the last poll, and whether none is left running. */
    public record Update(List<CommandChunk> chunks, List<CommandState> ended, boolean allEnded) {
    }
}

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
 * Not thread-safe: one follower polls it.
 */
public final class CommandWatch {

    /** Output is read by time received, with this much overlap so that clock skew between instances loses nothing. */
    private static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final int CHUNK = 1000;

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
        List<Long> open = lastSeq.keySet().stream().filter(id -> !finished.containsKey(id)).toList();
        List<CommandState> ended = new ArrayList<>();
        List<Long> openNow = new ArrayList<>();
        for (List<Long> part : parts(open)) {
            for (CommandState state : commands.states(part)) {
                if (state.status().isFinal()) {
                    ended.add(state);
                } else {
                    openNow.add(state.id().value());
                }
            }
        }
        List<CommandChunk> chunks = new ArrayList<>();
        Instant newest = since;
        for (List<Long> part : parts(open)) {
            for (CommandChunk chunk : output.receivedSince(part, since)) {
                int last = lastSeq.get(chunk.commandId().value());
                if (chunk.chunk().seq() == last + 1) {
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
        return new Update(chunks, ended, openNow.isEmpty());
    }

    /** Every command's final state, once {@link Update#allEnded()} was seen. */
    public Map<CommandId, CommandState> finalStates() {
        Map<CommandId, CommandState> states = new LinkedHashMap<>();
        finished.forEach((id, state) -> states.put(new CommandId(id), state));
        return states;
    }

    private static List<List<Long>> parts(List<Long> ids) {
        List<List<Long>> parts = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            parts.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return parts;
    }

    /** One chunk of one command's output. */
    public record CommandChunk(CommandId commandId, OutputChunk chunk) {
    }

    /** New output, the commands that ended since the last poll, and whether none is left running. */
    public record Update(List<CommandChunk> chunks, List<CommandState> ended, boolean allEnded) {
    }
}

package io.devops.platform.agentgateway;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Output chunks by (command, seq): a chunk sent twice after a reconnect is stored once. */
@Repository
class CommandOutput {

    private final JdbcClient jdbc;

    CommandOutput(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the chunks not stored yet; returns how many were new. */
    int append(long commandId, List<OutputChunk> chunks, Instant at) {
        if (chunks.isEmpty()) {
            return 0;
        }
        Set<Integer> known = new HashSet<>(jdbc.sql("SELECT seq FROM agent_command_output WHERE command_id = :id AND seq IN (:seqs)")
                .param("id", commandId).param("seqs", chunks.stream().map(OutputChunk::seq).toList())
                .query(Integer.class).list());
        int added = 0;
        for (OutputChunk chunk : chunks) {
            if (known.add(chunk.seq())) {
                try {
                    jdbc.sql("INSERT INTO agent_command_output (command_id, seq, stream, content, received_at) VALUES (?, ?, ?, ?, ?)")
                            .params(commandId, chunk.seq(), chunk.stream(), chunk.content(), DbTime.toDb(at)).update();
                    added++;
                } catch (DuplicateKeyException sameChunkFromAConcurrentRetry) {
                    // Stored by the other request: exactly once either way.
                }
            }
        }
        return added;
    }

    /**
     * Chunks of the commands with ids from {@code first} to {@code last} received at or after
     * {@code since}, numbered {@code fromSeq} or later, in order per command (a range, as in
     * AgentCommands#statesBetween). {@code fromSeq} keeps a command that prints megabytes a second
     * from having its last seconds of output read again at every poll.
     */
    List<CommandWatch.CommandChunk> receivedSince(long first, long last, Instant since, int fromSeq) {
        return jdbc.sql("""
                SELECT command_id, seq, stream, content, received_at FROM agent_command_output
                WHERE command_id BETWEEN :first AND :last AND received_at >= :since AND seq >= :fromSeq
                ORDER BY command_id, seq""")
                .param("first", first).param("last", last).param("since", DbTime.toDb(since)).param("fromSeq", fromSeq)
                .query((rs, row) -> new CommandWatch.CommandChunk(new CommandId(rs.getLong("command_id")),
                        new OutputChunk(rs.getInt("seq"), rs.getString("stream"), rs.getString("content"),
                                DbTime.read(rs, "received_at"))))
                .list();
    }

    List<OutputChunk> after(long commandId, int afterSeq, int limit) {
        return jdbc.sql("""
                SELECT seq, stream, content, received_at FROM agent_command_output
                WHERE command_id = ? AND seq > ? ORDER BY seq""" + " LIMIT " + limit)
                .params(commandId, afterSeq)
                .query((rs, row) -> new OutputChunk(rs.getInt("seq"), rs.getString("stream"), rs.getString("content"),
                        DbTime.read(rs, "received_at")))
                .list();
    }
}

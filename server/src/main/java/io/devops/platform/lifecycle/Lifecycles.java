package io.devops.platform.lifecycle;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.IdList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nodes' current states ({@code node_lifecycle}) and their append-only history (V22). */
@Repository
class Lifecycles {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;

    Lifecycles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The node's state; a node without a row (registered after V22 and never moved since) is where
     * its pool puts it, as V22 decided for the nodes it found: in a tenant's pool DELIVERED, else NEW.
     */
    NodeState current(long nodeId, Long poolTenantId) {
        return stored(nodeId).orElse(poolTenantId == null ? NodeState.NEW : NodeState.DELIVERED);
    }

    Optional<NodeState> stored(long nodeId) {
        return jdbc.sql("SELECT state FROM node_lifecycle WHERE node_id = ?").param(nodeId)
                .query((rs, row) -> NodeState.valueOf(rs.getString("state"))).optional();
    }

    /** The stored states of these nodes (ids only in the SQL, in chunks); a node without a row is absent. */
    Map<Long, NodeState> stored(Collection<Long> nodeIds) {
        Map<Long, NodeState> states = new HashMap<>();
        List<Long> ids = List.copyOf(nodeIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.sql("SELECT node_id, state FROM node_lifecycle WHERE node_id IN (" + IdList.literals(chunk) + ")")
                    .query((rs, row) -> states.put(rs.getLong("node_id"), NodeState.valueOf(rs.getString("state")))).list();
        }
        return states;
    }

    /**
     * Moves the node's state from {@code from} to {@code to} if it still is {@code from} (a
     * conditional write: of two changes at once, one wins and the other is told).
     */
    boolean move(long nodeId, NodeState from, NodeState to, Instant at) {
        int updated = jdbc.sql("UPDATE node_lifecycle SET state = ?, since = ? WHERE node_id = ? AND state = ?")
                .params(to.name(), DbTime.toDb(at), nodeId, from.name()).update();
        if (updated == 1 || stored(nodeId).isPresent()) {
            return updated == 1;
        }
        try {
            jdbc.sql("INSERT INTO node_lifecycle (node_id, state, since) VALUES (?, ?, ?)")
                    .params(nodeId, to.name(), DbTime.toDb(at)).update();
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    void record(Transition transition) {
        jdbc.sql("""
                INSERT INTO node_lifecycle_history (node_id, from_state, to_state, changed_at, actor, run_id, reason, is_override)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(transition.nodeId(), transition.from() == null ? null : transition.from().name(), transition.to().name(),
                        DbTime.toDb(transition.at()), transition.actor(), transition.runId(), cut(transition.reason()),
                        transition.override())
                .update();
    }

    /** Oldest first. */
    List<Transition> history(long nodeId) {
        return jdbc.sql("SELECT * FROM node_lifecycle_history WHERE node_id = ? ORDER BY id").param(nodeId)
                .query(Lifecycles::read).list();
    }

    /** The node's latest transition into {@code to}, if any. */
    Optional<Transition> lastInto(long nodeId, NodeState to) {
        return jdbc.sql("""
                SELECT * FROM node_lifecycle_history WHERE node_id = ? AND to_state = ?
                ORDER BY id DESC LIMIT 1""").params(nodeId, to.name()).query(Lifecycles::read).optional();
    }

    private static Transition read(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_state");
        return new Transition(rs.getLong("node_id"), from == null ? null : NodeState.valueOf(from),
                NodeState.valueOf(rs.getString("to_state")), DbTime.read(rs, "changed_at"), rs.getString("actor"),
                rs.getObject("run_id", Long.class), rs.getString("reason"), rs.getBoolean("is_override"));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}

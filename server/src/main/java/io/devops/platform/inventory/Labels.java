package io.devops.platform.inventory;

import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import io.devops.platform.shared.VersionedUpdate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Labels and their assignment to nodes and pools. Assigning an unknown key=value creates it. */
@Repository
class Labels {

    private static final Map<String, String> SORTABLE = Map.of("id", "l.id", "key", "l.label_key", "value", "l.label_value");
    private static final String SELECT = """
            SELECT l.*, (SELECT COUNT(*) FROM node_labels nl WHERE nl.label_id = l.id) AS node_count,
                   (SELECT COUNT(*) FROM node_pool_labels pl WHERE pl.label_id = l.id) AS pool_count
            FROM labels l""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Labels(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<LabelView> byId(long id) {
        return jdbc.sql(SELECT + " WHERE l.id = ?").param(id).query(Labels::map).optional();
    }

    Optional<Long> idOf(String key, String value) {
        return jdbc.sql("SELECT id FROM labels WHERE label_key = ? AND label_value = ?").params(key, value)
                .query(Long.class).optional();
    }

    PageResult<LabelView> page(String key, PageQuery query) {
        String where = key == null ? "" : " WHERE l.label_key = ?";
        List<Object> params = key == null ? List.of() : List.of(key);
        long total = jdbc.sql("SELECT COUNT(*) FROM labels l" + where).params(params).query(Long.class).single();
        List<LabelView> items = jdbc.sql(SELECT + where + query.orderBy(SORTABLE, "l.id") + query.limitOffset())
                .params(params).query(Labels::map).list();
        return PageResult.of(items, total, query);
    }

    long insert(String key, String value, String description, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO labels (label_key, label_value, description, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(key, value, description, DbTime.toDb(at), by).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, String key, String value, String description, ExpectedVersion expected, Instant at, String by) {
        VersionedUpdate.update(jdbc, "labels", id, expected, "Label " + id,
                "label_key = ?, label_value = ?, description = ?, updated_at = ?, updated_by = ?",
                key, value, description, DbTime.toDb(at), by);
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM labels WHERE id = ?").param(id).update();
    }

    /** Ids of the given labels, creating the missing ones. */
    List<Long> ensure(Map<String, String> labels, Instant at, String by) {
        List<Long> ids = new ArrayList<>();
        labels.forEach((key, value) -> ids.add(idOf(key, value).orElseGet(() -> insertOrTakeConcurrent(key, value, at, by))));
        return ids;
    }

    /**
     * Two changes using the same new label at once both find it missing; the second insert then
     * meets the first one's row (the unique key waits for its commit), which a locking read sees
     * even inside an older snapshot. Both changes succeed with the one label. The read takes a
     * shared lock on MySQL/MariaDB, where the failed insert already holds one (an exclusive lock
     * there deadlocks between several such changes); H2 has only FOR UPDATE.
     */
    private long insertOrTakeConcurrent(String key, String value, Instant at, String by) {
        try {
            return insert(key, value, null, at, by);
        } catch (DuplicateKeyException concurrentFirstUse) {
            return jdbc.sql("SELECT id FROM labels WHERE label_key = ? AND label_value = ? " + lockingRead())
                    .params(key, value).query(Long.class).optional().orElseThrow(() -> concurrentFirstUse);
        }
    }

    private String lockingRead() {
        String product = template.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        return product != null && product.startsWith("H2") ? "FOR UPDATE" : "LOCK IN SHARE MODE";
    }

    void replaceNodeLabels(long nodeId, Map<String, String> labels, Instant at, String by) {
        jdbc.sql("DELETE FROM node_labels WHERE node_id = ?").param(nodeId).update();
        addNodeLabels(List.of(nodeId), labels, at, by);
    }

    /** The same labels on many nodes, in one batch (bulk import and bulk labelling). */
    void addNodeLabels(Collection<Long> nodeIds, Map<String, String> labels, Instant at, String by) {
        if (labels == null || labels.isEmpty() || nodeIds.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (long labelId : ensure(labels, at, by)) {
            nodeIds.forEach(nodeId -> rows.add(new Object[] {labelId, nodeId}));
        }
        template.batchUpdate("INSERT INTO node_labels (label_id, node_id) VALUES (?, ?)", rows);
    }

    void replacePoolLabels(long poolId, Map<String, String> labels, Instant at, String by) {
        jdbc.sql("DELETE FROM node_pool_labels WHERE node_pool_id = ?").param(poolId).update();
        if (labels == null || labels.isEmpty()) {
            return;
        }
        List<Object[]> rows = ensure(labels, at, by).stream().map(labelId -> new Object[] {labelId, poolId}).toList();
        template.batchUpdate("INSERT INTO node_pool_labels (label_id, node_pool_id) VALUES (?, ?)", rows);
    }

    /** Labels of many nodes in one query: list pages never query per node. */
    Map<Long, Map<String, String>> ofNodes(Collection<Long> nodeIds) {
        return assignments("node_labels", "node_id", nodeIds);
    }

    Map<Long, Map<String, String>> ofPools(Collection<Long> poolIds) {
        return assignments("node_pool_labels", "node_pool_id", poolIds);
    }

    private Map<Long, Map<String, String>> assignments(String table, String ownerColumn, Collection<Long> ownerIds) {
        Map<Long, Map<String, String>> result = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT a." + ownerColumn + " AS owner_id, l.label_key, l.label_value FROM " + table + " a "
                        + "JOIN labels l ON l.id = a.label_id WHERE a." + ownerColumn + " IN (:ids)")
                .param("ids", ownerIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong("owner_id"), id -> new TreeMap<>())
                            .put(rs.getString("label_key"), rs.getString("label_value"));
                });
        return result;
    }

    private static LabelView map(ResultSet rs, int row) throws SQLException {
        return new LabelView(rs.getLong("id"), rs.getString("label_key"), rs.getString("label_value"),
                rs.getString("description"), rs.getLong("node_count"), rs.getLong("pool_count"), Rows.stamp(rs, ""));
    }
}

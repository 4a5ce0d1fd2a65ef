package io.devops.platform.inventory;

import io.devops.platform.inventory.NodeFilter.LabelMatch;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The filtered, paged node list: one count, one page query and one query for the page's labels,
 * whatever the page size. Label filters are EXISTS sub-queries on the (label, node) index.
 */
@Component
class NodeSearch {

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "n.id", "ip", "n.ip", "hostname", "n.hostname", "gpuType", "n.gpu_type", "gpuCount", "n.gpu_count",
            "nodeType", "n.node_type", "registeredAt", "n.registered_at", "createdAt", "n.created_at",
            "nodePoolId", "n.node_pool_id", "locked", "n.is_locked");

    private final JdbcClient jdbc;
    private final Labels labels;

    NodeSearch(JdbcClient jdbc, Labels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    PageResult<NodeView> page(NodeFilter filter, PageQuery query) {
        Where where = where(filter);
        String orderBy = query.orderBy(SORTABLE, "n.id");
        long total = jdbc.sql("SELECT COUNT(*) FROM nodes n JOIN node_pools p ON p.id = n.node_pool_id" + where.sql())
                .params(where.params()).query(Long.class).single();
        List<NodeView> items = jdbc.sql(Nodes.SELECT + where.sql() + orderBy + query.limitOffset())
                .params(where.params()).query(Nodes::map).list();
        var labelsByNode = labels.ofNodes(items.stream().map(NodeView::id).toList());
        return PageResult.of(items, total, query).map(node -> node.withLabels(labelsByNode.getOrDefault(node.id(), Map.of())));
    }

    private static Where where(NodeFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (filter.poolId() != null) {
            conditions.add("n.node_pool_id = ?");
            params.add(filter.poolId());
        }
        if (filter.tenantId() != null) {
            conditions.add("p.tenant_id = ?");
            params.add(filter.tenantId());
        }
        if (filter.gpuType() != null) {
            conditions.add("n.gpu_type = ?");
            params.add(filter.gpuType());
        }
        if (filter.locked() != null) {
            conditions.add("n.is_locked = ?");
            params.add(filter.locked());
        }
        if (filter.text() != null) {
            conditions.add("(n.ip LIKE ? OR n.hostname LIKE ?)");
            params.add(Like.contains(filter.text()));
            params.add(Like.contains(filter.text()));
        }
        for (LabelMatch label : filter.labels()) {
            conditions.add("EXISTS (SELECT 1 FROM node_labels nl JOIN labels l ON l.id = nl.label_id"
                    + " WHERE nl.node_id = n.id AND l.label_key = ?" + (label.value() == null ? ")" : " AND l.label_value = ?)"));
            params.add(label.key());
            if (label.value() != null) {
                params.add(label.value());
            }
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private record Where(String sql, List<Object> params) {
    }
}

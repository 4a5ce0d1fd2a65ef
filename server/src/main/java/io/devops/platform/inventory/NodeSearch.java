package io.devops.platform.inventory;

import io.devops.platform.inventory.NodeFilter.LabelMatch;
import io.devops.platform.shared.DbTime;
import io.devops.platform.shared.Like;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The filtered, paged node list: a count, a query for the page's ids, one for those nodes with
 * their pools and one for their labels, whatever the page size. Filtering and sorting touch the
 * nodes table alone, so MySQL walks an index in the requested order instead of sorting a join
 * (28 ms → 1 ms at 10,000 nodes); the tenant is a sub-query on the few pools.
 */
@Component
class NodeSearch {

    /** Up to this many matches, a free-text page is read by id (see {@link #fewMatches}). */
    private static final int FEW_MATCHES = 1_000;
    private static final Map<String, String> SORTABLE = Map.of(
            "id", "n.id", "ip", "n.ip", "hostname", "n.hostname", "gpuType", "n.gpu_type", "gpuCount", "n.gpu_count",
            "nodeType", "n.node_type", "registeredAt", "n.registered_at", "createdAt", "n.created_at",
            "nodePoolId", "n.node_pool_id", "locked", "n.is_locked");

    private final JdbcClient jdbc;
    private final Nodes nodes;
    private final Labels labels;
    private final Presence presence;
    private final InventoryAccess access;
    private final NodeStanding standing;

    NodeSearch(JdbcClient jdbc, Nodes nodes, Labels labels, Presence presence, InventoryAccess access, NodeStanding standing) {
        this.jdbc = jdbc;
        this.standing = standing;
        this.access = access;
        this.nodes = nodes;
        this.labels = labels;
        this.presence = presence;
    }

    PageResult<NodeView> page(NodeFilter filter, PageQuery query) {
        Where where = where(filter);
        String orderBy = query.orderBy(SORTABLE, "n.id");
        List<Long> few = filter.text() == null ? null : fewMatches(where);
        Where paged = few == null ? where : byIds(few);
        long total = few != null ? few.size()
                : jdbc.sql("SELECT COUNT(*) FROM nodes n" + where.sql()).params(where.params()).query(Long.class).single();
        List<Long> ids = total == 0 ? List.of() : jdbc.sql("SELECT n.id FROM nodes n" + paged.sql() + orderBy + query.limitOffset())
                .params(paged.params()).query(Long.class).list();
        Map<Long, NodeView> byId = nodes.byIds(ids).stream().collect(Collectors.toMap(NodeView::id, Function.identity()));
        List<NodeView> items = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        var labelsByNode = labels.ofNodes(ids);
        Map<Long, Long> poolTenants = new java.util.HashMap<>();
        items.forEach(node -> poolTenants.put(node.id(), node.tenantId()));
        Map<Long, String> states = standing.states(poolTenants);
        return PageResult.of(items, total, query).map(node -> node.withLabels(labelsByNode.getOrDefault(node.id(), Map.of()))
                .withStanding(new NodeStanding.Standing(states.get(node.id()), null, null)));
    }

    /**
     * Every match of a free-text search when there are at most {@value #FEW_MATCHES} (null: more),
     * read from the narrow search index; their number is the total. A search usually matches a few
     * nodes, which the page query, walking the rows in the sort order to fill its page, would find
     * only by reading all of them (MySQL does: 100,000 rows for 10 matches).
     */
    private List<Long> fewMatches(Where where) {
        List<Long> ids = jdbc.sql("SELECT n.id FROM nodes n" + where.sql() + " LIMIT " + (FEW_MATCHES + 1))
                .params(where.params()).query(Long.class).list();
        return ids.size() > FEW_MATCHES ? null : ids;
    }

    private static Where byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return new Where(" WHERE 1 = 0", List.of());
        }
        return new Where(" WHERE n.id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", new ArrayList<>(ids));
    }

    private Where where(NodeFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        access.poolCondition("n.node_pool_id").ifPresent(conditions::add);
        if (filter.poolId() != null) {
            conditions.add("n.node_pool_id = ?");
            params.add(filter.poolId());
        }
        if (filter.tenantId() != null) {
            conditions.add("n.node_pool_id IN (SELECT p.id FROM node_pools p WHERE p.tenant_id = ?)");
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
        if (filter.online() != null) {
            conditions.add(filter.online() ? "n.last_seen_at >= ?" : "(n.last_seen_at IS NULL OR n.last_seen_at < ?)");
            params.add(DbTime.toDb(presence.onlineSince()));
        }
        if (filter.text() != null) {
            textCondition(filter.text(), conditions, params);
        }
        for (LabelMatch label : filter.labels()) {
            // IN, not EXISTS: MySQL then starts from the few nodes carrying the label.
            conditions.add("n.id IN (SELECT nl.node_id FROM node_labels nl JOIN labels l ON l.id = nl.label_id"
                    + " WHERE l.label_key = ?" + (label.value() == null ? ")" : " AND l.label_value = ?)"));
            params.add(label.key());
            if (label.value() != null) {
                params.add(label.value());
            }
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    /**
     * A substring of the IP or the host name, in any case, through the indexed {@code search_key}
     * (V42). Both are ASCII by their rules, so text with anything else matches no node.
     */
    private static void textCondition(String text, List<String> conditions, List<Object> params) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            conditions.add("1 = 0");
            return;
        }
        conditions.add("n.search_key LIKE ?");
        params.add(Like.contains(text.toLowerCase(Locale.ROOT)));
    }

    private record Where(String sql, List<Object> params) {
    }
}

package io.devops.platform.inventory;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code inventory_vars}: a pool's or node's plain values and sealed secrets, as JSON text. */
@Component
class InventoryVarsStore {

    /** Whose variables a row holds. */
    enum Owner { POOL, NODE }

    /** One owner's variables as stored: {@code secretsJson} maps names to sealed text. */
    record Stored(String varsJson, String secretsJson) {

        static final Stored NONE = new Stored("{}", "{}");
    }

    private final JdbcClient jdbc;

    InventoryVarsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Stored of(Owner owner, long id) {
        return of(owner, List.of(id)).getOrDefault(id, Stored.NONE);
    }

    Map<Long, Stored> of(Owner owner, Collection<Long> ids) {
        Map<Long, Stored> rows = new HashMap<>();
        for (List<Long> chunk : Nodes.chunks(List.copyOf(ids))) {
            jdbc.sql("SELECT owner_id, vars_json, secret_vars_json FROM inventory_vars WHERE owner_kind = :kind AND owner_id IN (:ids)")
                    .param("kind", owner.name()).param("ids", chunk)
                    .query(rs -> {
                        rows.put(rs.getLong("owner_id"), new Stored(rs.getString("vars_json"), rs.getString("secret_vars_json")));
                    });
        }
        return rows;
    }

    void put(Owner owner, long id, Stored stored, String actor, Instant at) {
        int updated = jdbc.sql("""
                UPDATE inventory_vars SET vars_json = ?, secret_vars_json = ?, updated_at = ?, updated_by = ?
                WHERE owner_kind = ? AND owner_id = ?""")
                .params(stored.varsJson(), stored.secretsJson(), DbTime.toDb(at), actor, owner.name(), id).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO inventory_vars (owner_kind, owner_id, vars_json, secret_vars_json, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(owner.name(), id, stored.varsJson(), stored.secretsJson(), DbTime.toDb(at), actor).update();
        }
    }
}

package io.devops.platform.inventory;

import io.devops.platform.shared.IdList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pools' manifests (V22 {@code node_pool_specs}): one row per pool that declares one. */
@Repository
class PoolManifests {

    private final JdbcClient jdbc;

    PoolManifests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PoolManifest> of(long poolId) {
        return jdbc.sql("SELECT * FROM node_pool_specs WHERE node_pool_id = ?").param(poolId).query(PoolManifests::map).optional();
    }

    Map<Long, PoolManifest> ofPools(Collection<Long> poolIds) {
        if (poolIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM node_pool_specs WHERE node_pool_id IN (" + IdList.literals(poolIds) + ")")
                .query((rs, row) -> Map.entry(rs.getLong("node_pool_id"), map(rs, row))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Replaces the pool's manifest; null removes it. */
    void put(long poolId, PoolManifest manifest) {
        jdbc.sql("DELETE FROM node_pool_specs WHERE node_pool_id = ?").param(poolId).update();
        if (manifest == null) {
            return;
        }
        PoolManifest m = manifest.withDefaults();
        jdbc.sql("""
                INSERT INTO node_pool_specs (node_pool_id, gpu_model, gpu_count, nvswitch, nic_count, nic_link_rate_gbps,
                                             driver_version, cuda_version, fabric_manager_version, acceptance_max_age_days,
                                             delivery_tier, tier_valid_for_days)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(poolId, m.gpuModel(), m.gpuCount(), m.nvswitch(), m.nicCount(), m.nicLinkRateGbps(), m.driverVersion(),
                        m.cudaVersion(), m.fabricManagerVersion(), m.acceptanceMaxAgeDays(),
                        m.deliveryTier(), m.tierValidForDays())
                .update();
    }

    private static PoolManifest map(ResultSet rs, int row) throws SQLException {
        return new PoolManifest(rs.getString("gpu_model"), Rows.nullableInt(rs, "gpu_count"), rs.getObject("nvswitch", Boolean.class),
                Rows.nullableInt(rs, "nic_count"), Rows.nullableInt(rs, "nic_link_rate_gbps"), rs.getString("driver_version"),
                rs.getString("cuda_version"), rs.getString("fabric_manager_version"), rs.getInt("acceptance_max_age_days"),
                rs.getString("delivery_tier"), Rows.nullableInt(rs, "tier_valid_for_days"));
    }
}

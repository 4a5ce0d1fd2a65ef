package io.devops.platform.catalogsync;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The catalog_imports and catalog_import_items tables: which import (and commit) made which version. */
@Repository
class ImportRecords {

    /** Where an import came from: an uploaded tree (both null) or a commit of a Git source. */
    record Origin(Long sourceId, String commit) {

        static final Origin UPLOAD = new Origin(null, null);
    }

    /** One applied item as recorded. */
    record Recorded(long importId, Long sourceId, String commit, String kind, String name, String action, int version,
                    Instant importedAt, String importedBy) {
    }

    private final JdbcClient jdbc;

    ImportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Origin origin, List<PlanEntry> applied, Instant at, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO catalog_imports (source_id, commit_id, imported_at, imported_by) VALUES (?, ?, ?, ?)")
                .params(origin.sourceId(), origin.commit(), DbTime.toDb(at), by).update(keys, "id");
        long id = keys.getKey().longValue();
        for (PlanEntry entry : applied) {
            jdbc.sql("INSERT INTO catalog_import_items (import_id, kind, name, action, version) VALUES (?, ?, ?, ?, ?)")
                    .params(id, entry.kind(), entry.name(), entry.action(), entry.appliedVersion()).update();
        }
        return id;
    }

    /** Newest first. */
    /** The newest records; {@code kind} and {@code name}, when given, narrow them to one item's versions. */
    List<Recorded> recent(int limit, String kind, String name) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (kind != null) {
            where.append(" AND t.kind = ?");
            params.add(kind);
        }
        if (name != null) {
            where.append(" AND t.name = ?");
            params.add(name);
        }
        params.add(limit);
        return jdbc.sql("""
                SELECT i.id, i.source_id, i.commit_id, i.imported_at, i.imported_by, t.kind, t.name, t.action, t.version
                FROM catalog_imports i JOIN catalog_import_items t ON t.import_id = i.id""" + where
                + " ORDER BY i.id DESC, t.id LIMIT ?").params(params)
                .query((rs, n) -> new Recorded(rs.getLong("id"), (Long) rs.getObject("source_id", Long.class),
                        rs.getString("commit_id"), rs.getString("kind"), rs.getString("name"), rs.getString("action"),
                        rs.getInt("version"), DbTime.read(rs, "imported_at"), rs.getString("imported_by")))
                .list();
    }
}

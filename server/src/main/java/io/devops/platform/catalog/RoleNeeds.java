package io.devops.platform.catalog;

import io.devops.platform.collections.AnsibleCollection;
import io.devops.platform.collections.CollectionCatalog;
import io.devops.platform.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The roles and collections a role version needs, resolved when the version is stored and pinned
 * with it (role_version_dependencies, role_version_collections): a dependency runs at the version
 * that was newest then, a collection at the newest stored version its range allows. What is not in
 * the catalog is refused then, naming it, never found missing by a run later.
 */
@Component
class RoleNeeds {

    /** A pinned dependency or the role itself, as a run materialises it. */
    record PinnedRole(long versionId, long roleId, String roleName, int version, String hash) {
    }

    record Resolved(List<PinnedRole> dependencies, List<AnsibleCollection> collections) {
    }

    private final JdbcClient jdbc;
    private final Roles roles;
    private final RoleVersions versions;
    private final CollectionCatalog collections;

    RoleNeeds(JdbcClient jdbc, Roles roles, RoleVersions versions, CollectionCatalog collections) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.versions = versions;
        this.collections = collections;
    }

    /** Resolves what {@code content} asks for, as role {@code role} would use it; a missing one is a 400 naming it. */
    Resolved resolve(CatalogRole role, RoleContent content) {
        RoleRequirements asked = RoleRequirements.of(content);
        List<PinnedRole> dependencies = new ArrayList<>();
        for (String name : new LinkedHashSet<>(asked.dependencies())) {
            CatalogRole dependency = roles.byName(name).filter(r -> !r.deleted())
                    .orElseThrow(() -> missing("role '" + name + "' that meta/main.yml depends on is not in the catalog"));
            RoleVersion head = versions.head(dependency.id())
                    .orElseThrow(() -> missing("role '" + name + "' that meta/main.yml depends on has no files yet"));
            PinnedRole pinned = new PinnedRole(head.id(), dependency.id(), name, head.version(), head.hash());
            if (dependency.id() == role.id() || closure(pinned).stream().anyMatch(p -> p.roleId() == role.id())) {
                throw missing("dependency on role '" + name + "' makes a cycle: it depends on " + role.name());
            }
            dependencies.add(pinned);
        }
        List<AnsibleCollection> needed = new ArrayList<>();
        asked.collections().forEach((name, spec) -> needed.add(collection(name, spec)));
        return new Resolved(List.copyOf(dependencies), List.copyOf(needed));
    }

    private AnsibleCollection collection(String name, String spec) {
        try {
            return collections.newest(name, spec).orElseThrow(() -> missing("collection " + name
                    + ("*".equals(spec) ? "" : " " + spec) + " is not in the catalog; upload it under Collections first"));
        } catch (IllegalArgumentException e) {
            throw missing("collection " + name + ": " + e.getMessage());
        }
    }

    /**
     * Refuses a new operator version of {@code role} while a role its newest version depends on is
     * deleted: what was deleted is not offered for new work, even though pinned files stay runnable.
     */
    void requireDependenciesKept(CatalogRole role) {
        versions.head(role.id()).ifPresent(head -> dependencies(head.id()).forEach(dependency -> {
            if (roles.byId(dependency.roleId()).map(CatalogRole::deleted).orElse(true)) {
                throw new InvalidInputException("roleId", "role " + role.name() + " depends on role '"
                        + dependency.roleName() + "', which was deleted; upload " + role.name() + " without it first");
            }
        }));
    }

    void pin(long roleVersionId, Resolved resolved) {
        int position = 0;
        for (PinnedRole dependency : resolved.dependencies()) {
            jdbc.sql("INSERT INTO role_version_dependencies (role_version_id, position, dependency_version_id) VALUES (?, ?, ?)")
                    .params(roleVersionId, position++, dependency.versionId()).update();
        }
        for (AnsibleCollection collection : resolved.collections()) {
            jdbc.sql("INSERT INTO role_version_collections (role_version_id, collection_id) VALUES (?, ?)")
                    .params(roleVersionId, collection.id()).update();
        }
    }

    /** The role version operator version {@code operatorId} pinned; empty while its role has no files. */
    java.util.Optional<PinnedRole> pinnedBy(long operatorId) {
        return jdbc.sql("""
                SELECT v.id, v.role_id, r.name, v.version, v.content_hash FROM operators o
                JOIN role_versions v ON v.id = o.role_version_id JOIN roles r ON r.id = v.role_id WHERE o.id = ?""")
                .param(operatorId)
                .query((rs, n) -> new PinnedRole(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .optional();
    }

    /** The pinned dependencies of a role version, in the order meta/main.yml lists them. */
    List<PinnedRole> dependencies(long roleVersionId) {
        return jdbc.sql("""
                SELECT v.id, v.role_id, r.name, v.version, v.content_hash FROM role_version_dependencies d
                JOIN role_versions v ON v.id = d.dependency_version_id JOIN roles r ON r.id = v.role_id
                WHERE d.role_version_id = ? ORDER BY d.position""").param(roleVersionId)
                .query((rs, n) -> new PinnedRole(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
                .list();
    }

    /** The collections a role version pinned, by name. */
    List<AnsibleCollection> collections(long roleVersionId) {
        return jdbc.sql("SELECT collection_id FROM role_version_collections WHERE role_version_id = ? ORDER BY collection_id")
                .param(roleVersionId).query(Long.class).list().stream()
                .map(id -> collections.byId(id).orElseThrow()).toList();
    }

    /** {@code role} and every role version it depends on, directly or not, each once, dependencies first. */
    List<PinnedRole> closure(PinnedRole role) {
        Map<Long, PinnedRole> seen = new LinkedHashMap<>();
        visit(role, seen, new java.util.HashSet<>());
        return List.copyOf(seen.values());
    }

    private void visit(PinnedRole role, Map<Long, PinnedRole> seen, Set<Long> path) {
        if (seen.containsKey(role.versionId()) || !path.add(role.versionId())) {
            return; // pinned versions cannot form a cycle (refused at upload); the guard keeps a bad row from looping
        }
        dependencies(role.versionId()).forEach(dependency -> visit(dependency, seen, path));
        seen.put(role.versionId(), role);
    }

    /**
     * Every collection the role versions of {@code closure} pinned. Ansible loads one version of a
     * collection per run: two pinned versions of one name fail the step, naming both, rather than run either.
     */
    Map<String, AnsibleCollection> collectionsOf(List<PinnedRole> closure) {
        Map<String, AnsibleCollection> byName = new LinkedHashMap<>();
        for (PinnedRole role : closure) {
            for (AnsibleCollection c : collections(role.versionId())) {
                AnsibleCollection other = byName.putIfAbsent(c.fullName(), c);
                if (other != null && other.id() != c.id()) {
                    throw new IllegalStateException("The roles of this step pinned two versions of collection "
                            + c.fullName() + " (" + other.version() + " and " + c.version() + "); Ansible can load only one");
                }
            }
        }
        return byName;
    }

    private static InvalidInputException missing(String message) {
        return new InvalidInputException("archive", "The role's " + message);
    }
}

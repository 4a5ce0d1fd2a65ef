package io.devops.platform.catalogsync;

import io.devops.platform.catalog.CatalogAsCode;
import io.devops.platform.catalog.CatalogSpec.Current;
import io.devops.platform.catalogsync.CatalogTree.Item;
import io.devops.platform.health.HealthPoliciesAsCode;
import io.devops.platform.catalogsync.ImportRecords.Origin;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.job.JobsAsCode;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the catalog as a tree and imports one: the plan first, then (when it has no conflict)
 * every change in one transaction, so a failure anywhere leaves the catalog as it was. Changes go
 * through the catalog's own services: new versions beside the old, which stay runnable. Each
 * applied import is recorded with its origin (a Git commit, or an upload) and the versions it made.
 */
@Service
class CatalogImport {

    private final CatalogAsCode catalog;
    private final JobsAsCode jobs;
    private final HealthPoliciesAsCode policies;
    private final ImportPlanner planner;
    private final ImportRecords records;
    private final AuditTrail audit;
    private final Clock clock;

    CatalogImport(CatalogAsCode catalog, JobsAsCode jobs, HealthPoliciesAsCode policies, ImportPlanner planner,
                  ImportRecords records, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.policies = policies;
        this.planner = planner;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an import did or would do; {@code applied} is true only when its changes were stored. */
    record Result(List<PlanEntry> plan, boolean dryRun, boolean applied, Map<String, Long> counts) {

        static Result of(List<PlanEntry> plan, boolean dryRun, boolean applied) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String action : List.of(PlanEntry.CREATE, PlanEntry.NEW_VERSION, PlanEntry.UNCHANGED, PlanEntry.CONFLICT)) {
                counts.put(action, plan.stream().filter(e -> e.action().equals(action)).count());
            }
            return new Result(plan, dryRun, applied, counts);
        }

        boolean hasConflicts() {
            return counts.get(PlanEntry.CONFLICT) > 0;
        }
    }

    @Transactional(readOnly = true)
    byte[] export(Kinds kinds) {
        return TreeArchive.write(TreeFormat.write(kinds,
                kinds.has("roles") ? catalog.roles() : List.of(),
                kinds.has("operators") ? catalog.operators() : List.of(),
                kinds.has("scripts") ? catalog.scripts() : List.of(),
                kinds.has("templates") ? catalog.templates() : List.of(),
                kinds.has("jobs") ? jobs.jobs() : List.of(),
                kinds.has("health-policies") ? policies.policies().stream()
                        .map(p -> new Current<>(p.spec(), p.version())).toList() : List.of()));
    }

    @Transactional(readOnly = true)
    Result dryRun(SortedMap<String, byte[]> files) {
        return Result.of(planner.plan(TreeFormat.read(files)), true, false);
    }

    /** Applies the plan when it has no conflict; any failure rolls every change back. */
    @Transactional
    Result apply(SortedMap<String, byte[]> files, Origin origin) {
        return apply(files, origin, CurrentActor.name());
    }

    /** As {@link #apply(SortedMap, Origin)}, recorded as done by {@code by} (a scheduled sync: its source). */
    @Transactional
    Result apply(SortedMap<String, byte[]> files, Origin origin, String by) {
        CatalogTree tree = TreeFormat.read(files);
        List<PlanEntry> plan = planner.plan(tree);
        Result planned = Result.of(plan, false, false);
        if (planned.hasConflicts()) {
            return planned;
        }
        List<String> changing = plan.stream().filter(PlanEntry::changes).map(PlanEntry::path).toList();
        Map<String, Integer> versions = new HashMap<>();
        applyEach(tree.roles(), changing, catalog::saveRole, versions);
        applyEach(tree.scripts(), changing, catalog::saveScript, versions);
        applyEach(tree.operators(), changing, catalog::saveOperator, versions);
        applyEach(tree.templates(), changing, catalog::saveTemplate, versions);
        applyEach(tree.jobs(), changing, jobs::saveJob, versions);
        applyEach(tree.policies(), changing, policies::save, versions);
        List<PlanEntry> done = plan.stream().map(e -> e.changes() ? e.applied(versions.get(e.path())) : e).toList();
        Result applied = Result.of(done, false, !changing.isEmpty());
        if (!changing.isEmpty()) {
            List<PlanEntry> changed = done.stream().filter(PlanEntry::changes).toList();
            long id = records.insert(origin, changed, clock.instant(), by);
            audit.record("catalog.imported", "catalog_import", id, "Imported the catalog tree"
                    + (origin.commit() == null ? "" : " of commit " + origin.commit()) + ": "
                    + applied.counts().get(PlanEntry.CREATE) + " created, " + applied.counts().get(PlanEntry.NEW_VERSION)
                    + " new versions, " + applied.counts().get(PlanEntry.UNCHANGED) + " unchanged", null, changed);
        }
        return applied;
    }

    private static <T> void applyEach(List<Item<T>> items, List<String> changing, ToIntFunction<T> save,
                                      Map<String, Integer> versions) {
        for (Item<T> item : items) {
            if (!changing.contains(item.path())) {
                continue;
            }
            try {
                versions.put(item.path(), save.applyAsInt(item.spec()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(item.path() + ": " + e.getMessage() + "; nothing was imported", e.errors());
            } catch (ConflictException e) {
                throw new ConflictException(item.path() + ": " + e.getMessage() + "; nothing was imported");
            }
        }
    }
}

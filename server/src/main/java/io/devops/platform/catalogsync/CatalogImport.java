package io.devops.platform.catalogsync;

import io.devops.platform.catalog.CatalogAsCode;
import io.devops.platform.catalogsync.CatalogTree.Item;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.job.JobsAsCode;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.InvalidInputException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the catalog as a tree and imports one: the plan first, then (when it has no conflict)
 * every change in one transaction, so a failure anywhere leaves the catalog as it was. Changes go
 * through the catalog's own services: new versions beside the old, which stay runnable.
 */
@Service
class CatalogImport {

    private final CatalogAsCode catalog;
    private final JobsAsCode jobs;
    private final ImportPlanner planner;
    private final AuditTrail audit;

    CatalogImport(CatalogAsCode catalog, JobsAsCode jobs, ImportPlanner planner, AuditTrail audit) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.planner = planner;
        this.audit = audit;
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
                kinds.has("jobs") ? jobs.jobs() : List.of()));
    }

    @Transactional(readOnly = true)
    Result dryRun(InputStream archive) {
        return Result.of(planner.plan(read(archive)), true, false);
    }

    /** Applies the plan when it has no conflict; any failure rolls every change back. */
    @Transactional
    Result apply(InputStream archive) {
        CatalogTree tree = read(archive);
        List<PlanEntry> plan = planner.plan(tree);
        Result planned = Result.of(plan, false, false);
        if (planned.hasConflicts()) {
            return planned;
        }
        List<String> changing = plan.stream().filter(PlanEntry::changes).map(PlanEntry::path).toList();
        applyEach(tree.roles(), changing, catalog::saveRole);
        applyEach(tree.scripts(), changing, catalog::saveScript);
        applyEach(tree.operators(), changing, catalog::saveOperator);
        applyEach(tree.templates(), changing, catalog::saveTemplate);
        applyEach(tree.jobs(), changing, jobs::saveJob);
        Result applied = Result.of(plan, false, !changing.isEmpty());
        if (!changing.isEmpty()) {
            audit.record("catalog.imported", "catalog", "import", "Imported the catalog tree: "
                    + applied.counts().get(PlanEntry.CREATE) + " created, " + applied.counts().get(PlanEntry.NEW_VERSION)
                    + " new versions, " + applied.counts().get(PlanEntry.UNCHANGED) + " unchanged", null,
                    plan.stream().filter(PlanEntry::changes).toList());
        }
        return applied;
    }

    private static <T> void applyEach(List<Item<T>> items, List<String> changing, Consumer<T> save) {
        for (Item<T> item : items) {
            if (!changing.contains(item.path())) {
                continue;
            }
            try {
                save.accept(item.spec());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(item.path() + ": " + e.getMessage() + "; nothing was imported", e.errors());
            } catch (ConflictException e) {
                throw new ConflictException(item.path() + ": " + e.getMessage() + "; nothing was imported");
            }
        }
    }

    private static CatalogTree read(InputStream archive) {
        return TreeFormat.read(TreeArchive.read(archive));
    }
}

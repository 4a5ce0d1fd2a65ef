package io.devops.platform.job;

import io.devops.platform.catalog.BasedOn;
import io.devops.platform.catalog.CatalogAsCode;
import io.devops.platform.catalog.CatalogSpec.Current;
import io.devops.platform.catalog.TemplatePlan;
import io.devops.platform.catalog.TemplatePlans;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.job.JobVersion.FailurePolicy;
import io.devops.platform.job.JobVersion.JobItem;
import io.devops.platform.job.JobVersion.Target;
import io.devops.platform.job.JobVersion.TargetType;
import io.devops.platform.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs by name, for catalog as code: the newest version of every live job as a {@link JobSpec},
 * and a spec saved as a new version (or a new job) through {@link JobService}, with its checks,
 * tenant rules and audit.
 */
@Service
@Transactional
public class JobsAsCode {

    private final JdbcClient jdbc;
    private final JobService service;
    private final TemplatePlans templates;
    private final CatalogAsCode catalog;
    private final NodeTargets targets;
    private final JobAccess access;

    JobsAsCode(JdbcClient jdbc, JobService service, TemplatePlans templates, CatalogAsCode catalog, NodeTargets targets,
               JobAccess access) {
        this.jdbc = jdbc;
        this.access = access;
        this.service = service;
        this.templates = templates;
        this.catalog = catalog;
        this.targets = targets;
    }

    /** The live jobs the caller may see. */
    @Transactional(readOnly = true)
    public List<Current<JobSpec>> jobs() {
        return jdbc.sql("SELECT id FROM jobs WHERE is_deleted = FALSE ORDER BY id").query(Long.class).list().stream()
                .filter(access::isVisible).map(id -> service.get(id, null)).map(version -> new Current<>(spec(version), version.version())).toList();
    }

    /** The targets of {@code spec} that do not exist, as "node 10.0.0.5" / "pool rack-a". */
    @Transactional(readOnly = true)
    public List<String> missingTargets(JobSpec spec) {
        return spec.items().stream().flatMap(item -> item.targets().stream()).filter(t -> targetId(t).isEmpty())
                .map(JobSpec.Target::toString).distinct().toList();
    }

    /** The id of the live job named {@code name}. */
    @Transactional(readOnly = true)
    public Optional<Long> idNamed(String name) {
        return jdbc.sql("SELECT id FROM jobs WHERE name = ? AND is_deleted = FALSE ORDER BY id").param(name).query(Long.class).list()
                .stream().findFirst();
    }

    /** @return the version saved */
    public int saveJob(JobSpec spec) {
        List<JobItem> items = new ArrayList<>();
        for (JobSpec.Item item : spec.items()) {
            long templateId = catalog.templateVersionId(item.template(), item.version()).orElseThrow(() ->
                    new InvalidInputException("items", "job " + spec.name() + " uses template " + item.template()
                            + (item.version() == null ? "" : " version " + item.version()) + ", which does not exist"));
            List<Target> resolved = item.targets().stream().map(t -> new Target(type(t), targetId(t).orElseThrow(() ->
                    new InvalidInputException("items", "job " + spec.name() + " targets " + t + ", which does not exist"))))
                    .toList();
            items.add(new JobItem(items.size() + 1, templateId, null, null, resolved));
        }
        var draft = new Jobs.NewVersion(spec.name(), spec.comments(), policy(spec.failurePolicy()), items, spec.parameters());
        Optional<Long> existing = idNamed(spec.name());
        return (existing.isPresent() ? service.update(existing.get(), draft, BasedOn.ANY) : service.create(draft)).version();
    }

    /** The live job of that name (names are unique among live jobs), for a starter that saved it by name. */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String name) {
        return jdbc.sql("SELECT id FROM jobs WHERE name = ? AND is_deleted = FALSE ORDER BY id").param(name)
                .query(Long.class).list().stream().findFirst();
    }

    private JobSpec spec(JobVersion version) {
        List<JobSpec.Item> items = new ArrayList<>();
        for (JobItem item : version.items()) {
            TemplatePlan pinned = templates.plan(item.templateId()).orElseThrow();
            String lineage = catalog.templateLineageName(item.templateId()).orElse(pinned.name());
            List<Long> nodeIds = ids(item, TargetType.NODE);
            List<Long> poolIds = ids(item, TargetType.NODE_POOL);
            Map<Long, String> nodes = targets.nodeAddresses(nodeIds);
            Map<Long, String> pools = targets.poolNames(poolIds);
            // A node deleted since the job was saved keeps its place, named so that an import says it is missing.
            List<JobSpec.Target> named = item.targets().stream().map(t -> t.type() == TargetType.NODE
                    ? new JobSpec.Target(JobSpec.Target.NODE, nodes.getOrDefault(t.id(), "#" + t.id() + " (deleted)"))
                    : new JobSpec.Target(JobSpec.Target.POOL, pools.getOrDefault(t.id(), "#" + t.id() + " (deleted)")))
                    .toList();
            items.add(new JobSpec.Item(lineage, pinned.version(), named));
        }
        return new JobSpec(version.name(), version.comments(), version.failurePolicy().name(),
                version.parameters().stream().map(JobsAsCode::normalised).toList(), items);
    }

    /** Whole numbers as Long, however they were read (YAML gives Integer). */
    public static JobParameter normalised(JobParameter parameter) {
        Object value = parameter.defaultValue() instanceof Number number && !(number instanceof Long)
                && number.doubleValue() == Math.rint(number.doubleValue()) ? (Object) number.longValue() : parameter.defaultValue();
        return new JobParameter(parameter.name(), parameter.type(), parameter.required(), value, parameter.choices(),
                parameter.description());
    }

    private Optional<Long> targetId(JobSpec.Target target) {
        if (target.name() == null) {
            return Optional.empty();
        }
        return target.type().equals(JobSpec.Target.NODE) ? targets.nodeAt(target.name()) : targets.poolNamed(target.name());
    }

    private static TargetType type(JobSpec.Target target) {
        return target.type().equals(JobSpec.Target.NODE) ? TargetType.NODE : TargetType.NODE_POOL;
    }

    private static List<Long> ids(JobItem item, TargetType type) {
        return item.targets().stream().filter(t -> t.type() == type).map(Target::id).toList();
    }

    private static FailurePolicy policy(String text) {
        if (text == null || text.isBlank()) {
            return FailurePolicy.STOP_NODE;
        }
        try {
            return FailurePolicy.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("failurePolicy", "must be STOP_NODE, STOP or CONTINUE, not '" + text + "'");
        }
    }
}
